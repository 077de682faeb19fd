package org.accords.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parameter table: REFERENCE.md in step with it, defaults inside their ranges, every key accepted. */
class ReferenceTest {
    @TempDir
    Path dir;

    private static final Path REFERENCE = Path.of("scenarios", "REFERENCE.md");

    @Test
    void referenceFileExists() {
        if (!Files.isRegularFile(REFERENCE)) {
            fail("scenarios/REFERENCE.md is missing: run `./accords reference > scenarios/REFERENCE.md`");
        }
    }

    /** Skipped while the file is missing (see referenceFileExists); compares as soon as it exists. */
    @Test
    void referenceFileEqualsTheGeneratedReference() throws Exception {
        assumeTrue(Files.isRegularFile(REFERENCE), "scenarios/REFERENCE.md is missing: run `./accords reference > scenarios/REFERENCE.md`");
        assertEquals(Reference.markdown(), Files.readString(REFERENCE),
                "scenarios/REFERENCE.md is out of date: run `./accords reference > scenarios/REFERENCE.md`");
    }

    @Test
    void referenceDocumentsEveryKey() {
        String md = Reference.markdown();
        for (Parameter p : Parameter.ALL) assertTrue(md.contains("| `" + p.path() + "` |"), p.path());
        for (String k : ScenarioBinder.SHOCK_KEYS) assertTrue(md.contains("| `" + k + "` |"), "shock key " + k);
        for (String k : ScenarioBinder.STATES_KEYS) assertTrue(md.contains("| `" + k + "` |"), "states key " + k);
        for (Driver d : Driver.values()) assertTrue(md.contains("`" + d.key() + "`"), d.key());
        for (WorldVariable v : WorldVariable.values()) assertTrue(md.contains("| `" + v.key() + "` |"), v.key());
    }

    @Test
    void everyDefaultLiesWithinItsRange() {
        Set<String> paths = new HashSet<>();
        for (Parameter p : Parameter.ALL) {
            assertTrue(paths.add(p.path()), "duplicate " + p.path());
            assertTrue(!p.doc().isBlank(), p.path() + " has no documentation");
            switch (p.type()) {
                case NUMBER -> {
                    double d = (Double) p.defaultValue();
                    assertTrue(Double.isFinite(d) && d >= p.min() && d <= p.max(), p.path() + " default " + d + " not in " + p.rangeText());
                }
                case INT, LONG -> {
                    long d = ((Number) p.defaultValue()).longValue();
                    assertTrue(d >= p.min() && d <= p.max(), p.path() + " default " + d + " not in " + p.rangeText());
                }
                case MONTH -> YearMonth.parse((String) p.defaultValue());
                case TEXT -> { }
            }
            assertTrue(p.min() <= p.max(), p.path());
        }
        double join = (Double) Parameter.byPath("model.joinThreshold").defaultValue();
        double exit = (Double) Parameter.byPath("model.exitThreshold").defaultValue();
        assertTrue(exit < join, "default exitThreshold below default joinThreshold");
        YearMonth start = YearMonth.parse((String) Parameter.byPath("run.start").defaultValue());
        YearMonth end = YearMonth.parse((String) Parameter.byPath("run.end").defaultValue());
        assertTrue(!end.isBefore(start));
    }

    /** A file that spells out every default gives the same scenario as a file that gives none. */
    @Test
    void everyParameterKeyIsAcceptedAndDefaultsAreThoseDocumented() {
        TestScenarios.Spec explicit = TestScenarios.threeStates();
        TestScenarios.Spec implicit = TestScenarios.threeStates();
        for (Parameter p : Parameter.ALL) {
            if (p.defaultValue() == null || p.path().startsWith("name") || p.path().equals("states.roster")) continue;
            implicit.unset(p.path());
            Object d = p.defaultValue();
            explicit.set(p.path(), d instanceof String s ? "'" + s + "'" : d);
        }
        Scenario a = explicit.load(dir.resolve("a"));
        Scenario b = implicit.load(dir.resolve("b"));
        assertEquals(a.resolved(), b.resolved());
    }
}
