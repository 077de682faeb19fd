package org.accords.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.experiment.Calibrator;
import org.accords.scenario.Parameter;
import org.junit.jupiter.api.Test;

/** docs/ODD.md: its generated parameter table and calibration record stay in step with the code and the committed fit. */
class OddDocumentTest {
    private static final Path ODD = Path.of("docs", "ODD.md");
    private static final Path PRESETS = Path.of("scenarios");

    @Test
    void theGeneratedSectionsAreUpToDate() throws Exception {
        String text = Files.readString(ODD);
        assertEquals(OddDocument.update(text, PRESETS), text, "docs/ODD.md is out of date: run `./accords reference --odd docs/ODD.md`");
    }

    @Test
    void everyGlobalParameterHasARowWithItsRangeAndWhetherItIsFitted() throws Exception {
        String text = Files.readString(ODD);
        for (Parameter p : Parameter.ALL) {
            if (!(p.path().startsWith("model.") || p.path().startsWith("us.") || p.path().startsWith("world."))) continue;
            assertTrue(text.contains("| `" + p.path() + "` | " + p.doc().replace("|", "\\|") + " | " + p.defaultValue() + " | " + p.rangeText() + " | "),
                    "no row for " + p.path());
        }
        assertEquals("yes, 0 .. 8", OddDocument.fitted("model.weights.usRewards"));
        assertEquals("yes, as `model.joinThreshold` less a gap of 0.05 .. 10", OddDocument.fitted("model.exitThreshold"));
        assertEquals("yes, as a share 0 .. 1 of `model.joinCost`", OddDocument.fitted("model.symbolicJoinCost"));
        assertEquals("no", OddDocument.fitted("model.temperature"));
        assertEquals("no", OddDocument.fitted("model.conditionLevel"));
        for (var d : Calibrator.SPACE.dimensions()) assertTrue(text.contains("`" + d.name() + "`"), "searched dimension " + d.name());
    }

    @Test
    void theOddElementsAreAllThere() throws Exception {
        String text = Files.readString(ODD);
        for (String h : List.of("## 1. Purpose and patterns", "## 2. Entities, state variables and scales", "## 3. Process overview and scheduling",
                "## 4. Design concepts", "## 5. Initialization", "## 6. Input data", "## 7. Submodels", "## 8. Parameters", "## 9. TRACE")) {
            assertTrue(text.contains(h), h);
        }
    }

    @Test
    void theCalibrationRecordIsTheCalibratorsOwnHeader() throws Exception {
        String record = OddDocument.calibrationRecord(PRESETS.resolve("_calibrated.yaml"));
        for (String line : Files.readAllLines(PRESETS.resolve("_calibrated.yaml"))) {
            if (!line.startsWith("#")) break;
            assertTrue(record.contains(line.substring(1).strip()), line);
        }
    }

    @Test
    void onlyTheTextBetweenTheMarkersChangesAndMissingMarkersAreRefused() {
        String doc = "prose before\n" + OddDocument.begin("parameters") + "\nstale\n" + OddDocument.end("parameters")
                + "\nmiddle\n" + OddDocument.begin("calibration") + "\n" + OddDocument.end("calibration") + "\nprose after\n";
        String out = OddDocument.update(doc, PRESETS);
        assertTrue(out.startsWith("prose before\n" + OddDocument.begin("parameters") + "\n| key |"), out);
        assertTrue(out.contains(OddDocument.end("parameters") + "\nmiddle\n" + OddDocument.begin("calibration") + "\nFrom the header"));
        assertTrue(out.endsWith(OddDocument.end("calibration") + "\nprose after\n"));
        assertTrue(!out.contains("stale"));
        assertThrows(IllegalArgumentException.class, () -> OddDocument.update("no markers\n", PRESETS));
    }
}
