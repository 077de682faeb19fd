package org.accords.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Shock windows, ramps and decay, by hand. */
class ShockIntensityTest {
    private static Shock shock(String start, String end, int ramp, int decay) {
        return new Shock("s", "s", YearMonth.parse(start), YearMonth.parse(end), ramp, decay, "all", List.of("AAA"), true,
                List.of(new Shock.Effect("iranThreat", Driver.IRAN_THREAT, null, 1.0)));
    }

    @Test
    void fullStrengthInsideTheWindowZeroOutside() {
        Shock s = shock("2021-03", "2021-05", 0, 0);
        assertEquals(0.0, s.intensity(YearMonth.parse("2021-02")));
        assertEquals(1.0, s.intensity(YearMonth.parse("2021-03")));
        assertEquals(1.0, s.intensity(YearMonth.parse("2021-05")));
        assertEquals(0.0, s.intensity(YearMonth.parse("2021-06")));
        assertEquals(0.0, s.intensity(YearMonth.parse("2019-06")));
        assertEquals(YearMonth.parse("2021-05"), s.lastActiveMonth());
    }

    @Test
    void rampRisesLinearlyAndDecayFadesLinearly() {
        Shock s = shock("2020-03", "2020-06", 2, 3);
        double[] expected = {0, 1 / 3.0, 2 / 3.0, 1, 1, 0.75, 0.5, 0.25, 0};
        for (int i = 0; i < expected.length; i++) {
            YearMonth m = YearMonth.parse("2020-02").plusMonths(i);
            assertEquals(expected[i], s.intensity(m), 1e-12, m.toString());
        }
        assertEquals(YearMonth.parse("2020-09"), s.lastActiveMonth());
    }

    @Test
    void oneMonthShockWithDecay() {
        Shock s = shock("2020-01", "2020-01", 0, 1);
        assertEquals(1.0, s.intensity(YearMonth.parse("2020-01")));
        assertEquals(0.5, s.intensity(YearMonth.parse("2020-02")));
        assertEquals(0.0, s.intensity(YearMonth.parse("2020-03")));
    }

    @Test
    void intensityAlwaysWithinZeroAndOne() {
        for (int ramp = 0; ramp < 5; ramp++) {
            for (int decay = 0; decay < 5; decay++) {
                Shock s = shock("2020-03", "2020-08", ramp, decay);
                for (int i = 0; i < 24; i++) {
                    double x = s.intensity(YearMonth.parse("2020-01").plusMonths(i));
                    assertTrue(x >= 0 && x <= 1, "ramp " + ramp + " decay " + decay + " month " + i + ": " + x);
                }
            }
        }
    }

    @Test
    void decayNeverRisesAboveTheLevelReachedAtEnd() {
        // start 2020-03, end 2020-04, ramp 5: intensity at end is 2/6; decay must fade from there
        Shock s = shock("2020-03", "2020-04", 5, 3);
        double atEnd = s.intensity(YearMonth.parse("2020-04"));
        assertEquals(2 / 6.0, atEnd, 1e-12);
        for (int i = 1; i <= 4; i++) {
            double x = s.intensity(YearMonth.parse("2020-04").plusMonths(i));
            assertTrue(x <= atEnd + 1e-12, "month end+" + i + ": " + x + " > " + atEnd);
        }
    }
}
