package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void sameInputsSameSeed() {
        assertArrayEquals(Seeds.forReplication(7, 3), Seeds.forReplication(7, 3));
        assertEquals(4, Seeds.forReplication(7, 3).length);
    }

    @Test
    void differsByReplication() {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < 1000; k++) seen.add(Arrays.toString(Seeds.forReplication(7, k)));
        assertEquals(1000, seen.size());
    }

    @Test
    void differsByMasterSeedIncludingItsHighBits() {
        assertFalse(Arrays.equals(Seeds.forReplication(1, 0), Seeds.forReplication(2, 0)));
        assertFalse(Arrays.equals(Seeds.forReplication(1, 0), Seeds.forReplication(1L + (1L << 32), 0)));
        assertFalse(Arrays.equals(Seeds.forReplication(0, 5), Seeds.forReplication(1L << 63, 5)));
        assertFalse(Arrays.equals(Seeds.forReplication(1, 0), Seeds.forReplication(0, 1)), "seed and index are not interchangeable");
        Set<String> seen = new HashSet<>();
        for (long hi = 0; hi < 200; hi++) seen.add(Arrays.toString(Seeds.forReplication(42L + (hi << 32), 0)));
        assertEquals(200, seen.size());
    }

    @Test
    void theSeedUsesAllFourWords() {
        int[] s = Seeds.forReplication(123, 456);
        assertFalse(s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] == 0);
        assertFalse(s[0] == s[2] && s[1] == s[3]);
    }
}
