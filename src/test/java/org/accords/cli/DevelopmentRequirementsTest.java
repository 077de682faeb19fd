package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's development section names every package CI installs for the integration tests,
 * and CI cannot pass by skipping one: .ci/run sets CI=true, under which a missing component fails.
 */
class DevelopmentRequirementsTest {
    @Test
    void theReadmeListsWhatCiInstallsAndCiFailsWhenATestIsSkipped() throws Exception {
        String ci = Files.readString(Path.of(".ci/run"));
        String readme = Files.readString(Path.of("README.md"));
        String development = readme.substring(readme.indexOf("## Development"));
        List<String> packages = new ArrayList<>();
        Matcher m = Pattern.compile("need\\+=\\(([^)]*)\\)").matcher(ci);
        while (m.find()) for (String p : m.group(1).trim().split("\\s+")) packages.add(p);
        assertTrue(packages.containsAll(List.of("chromium", "chromium-driver", "fonts-dejavu-core", "xvfb", "slurmctld")), packages.toString());
        for (String p : packages) {
            if (p.equals("maven")) continue;
            assertTrue(development.contains("`" + p + "`"), "the README's development section does not name " + p);
        }
        assertTrue(ci.lines().anyMatch(l -> l.strip().equals("export CI=true")), ".ci/run must set CI=true");
        assertTrue(development.contains("fails") && development.contains("CI=true"));
    }
}
