package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Calibration" paragraph quotes the committed fit (scenarios/_calibrated.yaml): every
 * fitted value, its loss and the coordinates that ended on a bound. Recalibrating without restating
 * the README fails here; the fragment's own header is the reference, so nothing is rerun.
 */
class ReadmeFitTest {
    static final Path README = Path.of("README.md");
    static final Path FIT = Path.of("scenarios/_calibrated.yaml");

    /** The committed-defaults paragraph: from its heading to the next fenced command after it. */
    static String committedParagraph() throws IOException {
        String readme = Files.readString(README);
        int from = readme.indexOf("**The committed defaults**");
        assertTrue(from > 0, "README has the committed-defaults paragraph");
        int to = readme.indexOf("The fit that the out-of-sample scores below use", from);
        assertTrue(to > from, "README's committed-defaults paragraph ends before the out-of-sample fit");
        return readme.substring(from, to).replace('\u2212', '-').replaceAll("\\s+", " ");
    }

    /** key (dotted, as Parameter names) -> value, read from the fragment's two-level YAML. */
    static Map<String, Double> fittedValues() throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        for (String line : Files.readAllLines(FIT)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int indent = line.indexOf(line.strip());
            String[] kv = line.strip().split(":", 2);
            while (path.size() > indent / 2) path.remove(path.size() - 1);
            if (kv[1].isBlank()) { path.add(kv[0]); continue; }
            values.put(String.join(".", path) + (path.isEmpty() ? "" : ".") + kv[0], Double.parseDouble(kv[1].strip()));
        }
        return values;
    }

    /** The keys the fragment's header says ended on a bound of the search. */
    static List<String> onBound() throws IOException {
        Matcher bounds = Pattern.compile("# ended on a bound: (.*)").matcher(Files.readString(FIT));
        List<String> keys = new ArrayList<>();
        if (bounds.find()) for (String b : bounds.group(1).split("; ")) keys.add(b.split(" ")[0]);
        return keys;
    }

    static String twoDecimals(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    @Test
    void everyFittedValueIsQuotedAsCommitted() throws IOException {
        String text = committedParagraph();
        Map<String, Double> fit = fittedValues();
        assertEquals(15, fit.size(), "the fragment's fitted keys: " + fit.keySet());
        for (Map.Entry<String, Double> e : fit.entrySet()) {
            double v = e.getValue();
            if (onBound().contains(e.getKey())) continue; // named as on a bound: checked below
            assertTrue(text.contains(twoDecimals(v)),
                    "README's Calibration paragraph does not quote " + e.getKey() + " = " + twoDecimals(v) + " (from " + FIT + ")");
        }
        double share = fit.get("model.symbolicJoinCost") / fit.get("model.joinCost");
        assertTrue(text.contains(Math.round(100 * share) + "%"), "symbolic-join cost share " + Math.round(100 * share) + "%");
    }

    @Test
    void lossAndBoundsReachedAreThoseOfTheFragment() throws IOException {
        String header = Files.readString(FIT);
        String text = committedParagraph();
        Matcher loss = Pattern.compile("in-sample \\(\\.\\.(\\d{4}-\\d{2})\\) (\\d\\.\\d+)").matcher(header);
        assertTrue(loss.find(), "the fragment's loss line");
        String quoted = String.format(Locale.ROOT, "%.3f", Double.parseDouble(loss.group(2)));
        assertTrue(text.contains(quoted), "README quotes the in-sample loss " + quoted);
        List<String> onBound = onBound();
        Matcher count = Pattern.compile("\\*\\*(\\w+) coordinates? ends? on a bound\\*\\*").matcher(text);
        assertTrue(count.find(), "README says how many coordinates end on a bound");
        List<String> words = List.of("no", "one", "two", "three", "four", "five", "six");
        assertEquals(onBound.size(), words.indexOf(count.group(1).toLowerCase(Locale.ROOT)), "bounds reached: " + onBound);
        Map<String, String> names = Map.of(
                "model.weights.iranThreat", "Iran-threat weight", "model.maxHazard", "maxHazard",
                "model.weights.peerInfluence", "peer-influence weight", "model.weights.economicDiversification",
                "economic-diversification weight", "model.weights.usRewards", "US-rewards weight",
                "model.weights.palestinianPressure", "Palestinian-pressure weight");
        for (String key : onBound)
            assertTrue(text.contains(names.getOrDefault(key, key)), "README names " + key + " as ending on a bound");
    }
}
