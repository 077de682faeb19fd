package org.accords.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HazardTest {
    @Test
    void halfOfMaximumAtTheThreshold() {
        assertEquals(0.15, Hazard.of(1.0, 1.0, 0.5, 0.3), 1e-15);
        assertEquals(0.5, Hazard.of(-2.0, -2.0, 3.0, 1.0), 1e-15);
    }

    @Test
    void handComputedLogistic() {
        // 0.4 / (1 + e^-2)
        assertEquals(0.352318831191153, Hazard.of(2.0, 1.0, 0.5, 0.4), 1e-14);
        // symmetric: h(theta - x) = h_max - h(theta + x)
        assertEquals(0.4 - 0.352318831191153, Hazard.of(0.0, 1.0, 0.5, 0.4), 1e-14);
    }

    @Test
    void boundedByZeroAndMaxHazardAndMonotone() {
        double prev = -1;
        for (double u = -30; u <= 30; u += 0.25) {
            double h = Hazard.of(u, 0.7, 0.2, 0.35);
            assertTrue(h >= 0 && h <= 0.35, "h=" + h);
            assertTrue(h >= prev, "not monotone at " + u);
            prev = h;
        }
        assertEquals(0.35, Hazard.of(100, 0, 0.01, 0.35), 0.0);
        assertEquals(0.0, Hazard.of(-100, 0, 0.01, 0.35), 0.0);
        assertEquals(0.0, Hazard.of(5, 0, 1, 0.0), 0.0);
    }
}
