package org.accords.cli;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accords.TestScenarios;
import org.junit.jupiter.api.Test;

/** `accords compare` end to end: files, tables, reuse of run folders, and every refused comparison. */
class CompareCommandTest extends CliTestBase {

    /** Two scenarios on the mini roster: a quiet world and one with a big US reward push. */
    static void writeScenarios(Path scenarios) {
        CliFixture.mini().write(scenarios, "quiet.yaml");
        Path dir = scenarios;
        TestScenarios.write(dir.resolve("push.yaml"), """
                extends: quiet
                name: push
                title: "<script>alert('x')</script> Reward push"
                description: "A US push & <b>rewards</b> for everyone."
                shocks:
                  - {id: push, label: Reward push, start: 2020-03, end: 2021-06, effects: {usRewards: 2.0}}
                """);
        TestScenarios.write(dir.resolve("longer.yaml"), "extends: quiet\nname: longer\nrun: {end: 2021-12}\n"
                + "shocks:\n  - {id: late, start: 2021-09, effects: {usRewards: 3.0}}\n");
        TestScenarios.write(dir.resolve("later.yaml"), "extends: quiet\nname: later\nrun: {start: 2020-02}\n");
    }

    /** The mini roster with three scenarios: quiet, push and longer. */
    @Override
    Path writeHome(Path root) {
        return compareHome(root);
    }

    /** A home with the mini roster and the scenarios quiet, push, longer and later. */
    static Path compareHome(Path root) {
        writeScenarios(root.resolve("scenarios"));
        Path quiet = root.resolve("scenarios/quiet.yaml");
        TestScenarios.write(quiet, read(quiet).replace("name: mini", "name: quiet"));
        return root;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void writesEveryFileAndATableWithTheDifference() throws Exception {
        CliFixture.Result r = CliFixture.exec("compare", "quiet", "push", "--reps", "60", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        Path dir = home.resolve("results/compare-quiet-push");
        for (String f : List.of("overlay", "difference", "states", "drivers")) {
            assertTrue(Files.size(dir.resolve(f + ".png")) > 1000, f);
            assertTrue(Files.size(dir.resolve(f + ".svg")) > 1000, f);
            assertEquals(1600, javax.imageio.ImageIO.read(dir.resolve(f + ".png").toFile()).getWidth());
        }
        List<String> csv = Files.readAllLines(dir.resolve("compare.csv"));
        assertEquals("scenario,kind,key,measure,value", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("push,summary,,joined_diff_end,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("quiet,state,AAA,p_joined_by_end,")));
        assertTrue(r.out().contains("(baseline)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("push") && l.contains("[")), r.out());
        // the push adds joins: the difference in the table is positive
        double diff = Double.parseDouble(csv.stream().filter(l -> l.startsWith("push,summary,,joined_diff_end,")).findFirst().orElseThrow().split(",")[4]);
        assertTrue(diff > 0, "push should add joins, got " + diff);
        // the run folders were written too, and are reused by the next comparison
        assertTrue(Files.exists(home.resolve("results/quiet/aggregate.json")));
        CliFixture.Result again = CliFixture.exec("compare", "quiet", "push", "--reps", "60", "--out", home.resolve("second").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("reusing"), again.err());
        assertEquals(Files.readString(dir.resolve("compare.csv")), Files.readString(home.resolve("second/compare.csv")));
        // the interval is paired by replication; its per-replication values come from the run folders' runs.csv, or,
        // without one (or with one that is not this run's), from running the replications again: the same numbers
        assertTrue(csv.contains("push,summary,,joined_diff_interval,paired"), String.join("\n", csv.subList(0, 8)));
        assertTrue(r.out().contains("paired by replication"), r.out());
        Files.delete(home.resolve("results/push/runs.csv"));
        String runs = Files.readString(home.resolve("results/quiet/runs.csv"));
        Files.writeString(home.resolve("results/quiet/runs.csv"), runs.replaceFirst("\n0,AAA,[^,\n]*,", "\n0,AAA,2020-01,"));
        CliFixture.Result third = CliFixture.exec("compare", "quiet", "push", "--reps", "60", "--out", home.resolve("third").toString());
        assertEquals(0, third.code(), third.err());
        assertEquals(Files.readString(dir.resolve("compare.csv")), Files.readString(home.resolve("third/compare.csv")));
    }

    @Test
    void hostileTitlesAreTextNotMarkup() throws Exception {
        assertEquals(0, CliFixture.exec("compare", "quiet", "push", "--reps", "20", "--quiet").code());
        String html = Files.readString(home.resolve("results/compare-quiet-push/index.html"));
        assertFalse(html.contains("<script>"), "a title must never become markup");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Reward push") || html.contains("&lt;script&gt;alert('x')&lt;/script&gt; Reward push"), html);
        assertTrue(html.contains("&lt;b&gt;rewards&lt;/b&gt;"));
        assertFalse(html.contains("http://") || html.contains("https://"), "pages must not load anything from the network");
    }

    @Test
    void refusesComparisonsThatWouldMislead() {
        assertBad(CliFixture.exec("compare", "quiet"), "at least two");
        assertBad(CliFixture.exec("compare"), "at least two");
        assertBad(CliFixture.exec("compare", "quiet", "quiet"), "named 'quiet'");
        assertBad(CliFixture.exec("compare", "quiet", "nosuch"), "unknown scenario 'nosuch'");
        assertBad(CliFixture.exec("compare", "quiet", "later"), "different start months");
        assertBad(CliFixture.exec("compare", "quiet", "push", "--baseline", "other"), "--baseline");
        assertFalse(Files.exists(home.resolve("results")) && home.resolve("results").toFile().list().length > 0,
                "a refused comparison writes nothing");
    }

    @Test
    void differentEndMonthsAreComparedOverTheCommonWindow() throws Exception {
        CliFixture.Result r = CliFixture.exec("compare", "quiet", "longer", "--reps", "40");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("common window 2020-01 .. 2021-06"), r.err());
        List<String> csv = Files.readAllLines(home.resolve("results/compare-quiet-longer/compare.csv"));
        assertTrue(csv.stream().noneMatch(l -> l.contains(",month,2021-07,")), "nothing after the common window");
        // before its late shock, 'longer' is the same world as 'quiet' with the same seeds: no difference at all
        String quietEnd = csv.stream().filter(l -> l.startsWith("quiet,summary,,joined_mean_end,")).findFirst().orElseThrow();
        String longerEnd = csv.stream().filter(l -> l.startsWith("longer,summary,,joined_mean_end,")).findFirst().orElseThrow();
        assertEquals(quietEnd.substring(quietEnd.lastIndexOf(',')), longerEnd.substring(longerEnd.lastIndexOf(',')));
        assertFalse(Files.exists(home.resolve("results/longer")), "a cut scenario does not write a run folder under its name");
        String summary = Files.readString(home.resolve("results/compare-quiet-longer/summary.txt"));
        assertTrue(summary.contains("note: 'longer' runs to 2021-12"));
        // identical replications: exactly zero, with an interval of zero width, and said so
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("longer") && l.endsWith("+0.00 [+0.00, +0.00]")), summary);
        assertTrue(summary.contains("longer: the same number of states joined as in quiet in every one of the 40 replications"), summary);
        assertTrue(csv.contains("longer,month,2021-06,joined_diff_lo95,0") && csv.contains("longer,month,2021-06,joined_diff_hi95,0"));
    }

    private static void assertBad(CliFixture.Result r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
