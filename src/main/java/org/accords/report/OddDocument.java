package org.accords.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accords.experiment.Calibrator;
import org.accords.experiment.ParameterSpace;
import org.accords.scenario.Parameter;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;

/**
 * The generated parts of {@code docs/ODD.md}: the parameter table (from {@link Parameter#ALL},
 * {@link Calibrator#SPACE} and the values the presets resolve to) and the calibration record of the
 * TRACE section (from the header the calibrator writes into {@code scenarios/_calibrated.yaml}).
 * The prose around them is written by hand; only the text between the markers is replaced, so the
 * document cannot drift from the code while its prose stays the modeller's.
 */
public final class OddDocument {
    static final String PARAMETERS = "parameters";
    static final String CALIBRATION = "calibration";

    private OddDocument() {}

    static String begin(String section) {
        return "<!-- generated: " + section + " (./accords reference --odd docs/ODD.md rewrites this part) -->";
    }

    static String end(String section) {
        return "<!-- end of generated: " + section + " -->";
    }

    /** The document with its generated sections recomputed from the code and the presets in {@code presetDir}. */
    public static String update(String odd, Path presetDir) {
        Scenario baseline = new ScenarioLoader(presetDir).load("baseline");
        String out = replace(odd, PARAMETERS, parameterTable(baseline));
        return replace(out, CALIBRATION, calibrationRecord(presetDir.resolve("_calibrated.yaml")));
    }

    private static String replace(String odd, String section, String content) {
        String b = begin(section), e = end(section);
        int i = odd.indexOf(b), j = odd.indexOf(e);
        if (i < 0 || j < i) throw new IllegalArgumentException("no generated section '" + section + "' (expected the lines " + b + " and " + e + ")");
        return odd.substring(0, i + b.length()) + "\n" + content + odd.substring(j);
    }

    /**
     * Every global parameter (model, US broker, world start values): its key, meaning, default,
     * valid range, whether the calibration fits it and within which bounds, and the value the
     * presets use (the calibrated value where one is committed).
     */
    static String parameterTable(Scenario presets) {
        StringBuilder m = new StringBuilder();
        m.append("| key | meaning | default | valid range | fitted (search bounds) | value in the presets |\n");
        m.append("|---|---|---|---|---|---|\n");
        for (Parameter p : Parameter.ALL) {
            if (!(p.path().startsWith("model.") || p.path().startsWith("us.") || p.path().startsWith("world."))) continue;
            m.append("| `").append(p.path()).append("` | ").append(p.doc().replace("|", "\\|")).append(" | ")
                    .append(p.defaultValue()).append(" | ").append(p.rangeText()).append(" | ").append(fitted(p.path()))
                    .append(" | ").append(resolved(presets.resolved(), p.path())).append(" |\n");
        }
        return m.toString();
    }

    /** How the calibration searches a key: as itself, or derived from a gap below or a share of another key. */
    static String fitted(String key) {
        for (ParameterSpace.Dimension d : Calibrator.SPACE.dimensions()) {
            if (d.name().equals(key)) return "yes, " + num(d.lower()) + " .. " + num(d.upper());
            if (d.meaning().endsWith(" - " + key)) {
                String base = d.meaning().substring(0, d.meaning().length() - (" - " + key).length());
                return "yes, as `" + base + "` less a gap of " + num(d.lower()) + " .. " + num(d.upper());
            }
            if (d.meaning().startsWith(key + " / ")) {
                return "yes, as a share " + num(d.lower()) + " .. " + num(d.upper()) + " of `" + d.meaning().substring(key.length() + 3) + "`";
            }
        }
        return "no";
    }

    private static String resolved(Map<String, Object> tree, String path) {
        Object node = tree;
        for (String k : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) return "";
            node = map.get(k);
        }
        return node == null ? "" : String.valueOf(node);
    }

    /** The calibrator's own record of the committed fit: the comment header of the fragment, verbatim. */
    static String calibrationRecord(Path fragment) {
        List<String> header = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(fragment)) {
                if (!line.startsWith("#")) break;
                header.add(line.substring(1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder m = new StringBuilder();
        m.append("From the header that `calibrate` wrote into `scenarios/_calibrated.yaml` (the committed fit):\n\n```\n");
        for (String h : header) m.append(h).append('\n');
        m.append("```\n\nSearched space (`Calibrator.SPACE`): ");
        List<String> dims = new ArrayList<>();
        for (ParameterSpace.Dimension d : Calibrator.SPACE.dimensions()) {
            dims.add("`" + d.name() + "` " + num(d.lower()) + " .. " + num(d.upper()) + (d.meaning().equals(d.name()) ? "" : " (" + d.meaning() + ")"));
        }
        m.append(String.join("; ", dims)).append(".\n");
        return m.toString();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
