package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accords.TestScenarios;
import org.accords.report.Html;
import org.junit.jupiter.api.Test;

/** index.html is one file that can be mailed: images inside it, web addresses as links. */
class OneFilePageTest extends CliTestBase {

    @Test
    void everyImageIsEmbeddedAndIsTheChartItself() throws Exception {
        Path out = home.resolve("page");
        assertEquals(0, CliFixture.exec("run", "mini", "--reps", "5", "--quiet", "--out", out.toString()).code());
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.matches("(?s).*<img src=\"[a-z]+\\.png\".*"), "no image by relative path");
        Matcher m = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"Adoption curve\"").matcher(html);
        assertTrue(m.find(), "the adoption chart is embedded");
        assertArrayEquals(Files.readAllBytes(out.resolve("adoption.png")), Base64.getDecoder().decode(m.group(1)));
        assertEquals(5, html.split("data:image/png;base64,", -1).length - 1, "adoption, states, trajectories, drivers and why not");
    }

    @Test
    void theComparisonPageIsOneFileToo() throws Exception {
        TestScenarios.write(home.resolve("scenarios/other.yaml"), "extends: mini\nname: other\nmodel: {maxHazard: 0.1}\n"
                + "description: \"Sources: https://example.org/report?id=3&p=2. And (https://www.un.org/x).\"\n");
        Path out = home.resolve("cmp");
        assertEquals(0, CliFixture.exec("compare", "mini", "other", "--reps", "5", "--quiet", "--out", out.toString()).code());
        String html = Files.readString(out.resolve("index.html"));
        assertEquals(5, html.split("data:image/png;base64,", -1).length - 1, "overlay, difference, states, trajectories, drivers");
        assertTrue(html.contains("<a href=\"https://example.org/report?id=3&amp;p=2\">https://example.org/report?id=3&amp;p=2</a>. And"), html);
        assertTrue(html.contains("(<a href=\"https://www.un.org/x\">https://www.un.org/x</a>)"), html);
    }

    @Test
    void descriptionsEscapeEverythingButTheirLinks() {
        assertEquals("&lt;b&gt; <a href=\"http://a.b/c\">http://a.b/c</a>!", Html.desc("<b> http://a.b/c!"));
        assertEquals("no link: javascript:alert(1)", Html.desc("no link: javascript:alert(1)"));
    }
}
