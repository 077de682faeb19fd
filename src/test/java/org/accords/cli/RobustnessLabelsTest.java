package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accords.report.RobustnessReport;
import org.accords.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The robust/fragile labels cannot drift: the README's table is the block `./accords robustness
 * --readme README.md` writes, it has a row for every what-if preset, and each preset's description
 * states the same label and share of sets as its row.
 */
class RobustnessLabelsTest {
    static final Pattern SENTENCE = Pattern.compile(
            "Over the parameter ensemble \\(README table, `\\./accords robustness`\\): (robust|fragile), ([^.]*?)(\\d+)% of the sets\\.");

    @Test
    void everyWhatIfPresetStatesItsRowOfTheReadmeTable() throws Exception {
        List<String> readme = RobustnessReport.checkBlock(Path.of("README.md"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : readme) {
            if (line.startsWith(RobustnessReport.BEGIN)) inside = true;
            else if (line.strip().equals(RobustnessReport.END)) inside = false;
            else if (inside && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                // | what-if | vs | at | pooled | median | 80% | 95% | sign holds | conclusion |
                rows.put(cells[1].strip().replace("`", ""), new String[] {cells[9].strip(), cells[8].strip().replaceAll("%.*", "")});
            }
        }
        ScenarioLoader loader = new ScenarioLoader(Path.of("scenarios").toAbsolutePath().normalize());
        assertEquals(RobustnessCommand.defaultWhatIfs(loader), List.copyOf(rows.keySet()), "one row per what-if preset, in the command's order");
        for (var row : rows.entrySet()) {
            String description = loader.load(row.getKey()).description().replaceAll("\\s+", " ");
            Matcher m = SENTENCE.matcher(description);
            assertTrue(m.find(), row.getKey() + ": no sentence 'Over the parameter ensemble (README table, `./accords robustness`): robust|fragile, ... N% of the sets.'");
            assertEquals(row.getValue()[0], m.group(1), row.getKey() + ": label");
            assertEquals(row.getValue()[1], m.group(3), row.getKey() + ": share of sets");
        }
    }

    @Test
    void theSentencePatternReadsBothWordings() {
        Matcher m = SENTENCE.matcher("x. Over the parameter ensemble (README table, `./accords robustness`): fragile, the sign of the effect holds in 83% of the sets. y");
        assertTrue(m.find());
        assertEquals("fragile", m.group(1));
        assertEquals("83", m.group(3));
        m = SENTENCE.matcher("Over the parameter ensemble (README table, `./accords robustness`): robust, no effect in 100% of the sets.");
        assertTrue(m.find());
        assertEquals("100", m.group(3));
    }
}
