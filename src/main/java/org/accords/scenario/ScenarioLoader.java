package org.accords.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a scenario name or file into a validated {@link Scenario}: reads the file and everything
 * it {@code extends}, merges them (maps key by key; shocks append, a shock with the same id
 * replaces the inherited one), applies {@code --set} overrides, then binds and checks every key.
 */
public final class ScenarioLoader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Path presetDir;
    private final YamlReader reader = new YamlReader();

    /** @param presetDir the folder of preset scenarios and the default roster ({@code scenarios/}) */
    public ScenarioLoader(Path presetDir) {
        this.presetDir = presetDir.toAbsolutePath().normalize();
    }

    public Path presetDir() { return presetDir; }

    /** Loads a preset name or a file path, with {@code key.path=value} overrides. */
    public Scenario load(String nameOrPath, List<String> overrides) {
        return load(nameOrPath, List.of(), overrides);
    }

    /**
     * Loads a scenario, merges parameter fragments over it (as if the scenario extended them
     * last; errors keep the fragment's file and line), then applies {@code key.path=value} overrides.
     */
    public Scenario load(String nameOrPath, List<Path> fragments, List<String> overrides) {
        Path file = locate(nameOrPath);
        return new ScenarioBinder(presetDir, reader).bind(mergedTree(file, fragments, overrides), defaultName(file));
    }

    private YamlNode.Mapping mergedTree(Path file, List<Path> fragments, List<String> overrides) {
        YamlNode.Mapping own = reader.readFile(file);
        YamlNode.Mapping tree = mergeExtends(file, own, new ArrayList<>(), null);
        // a file without name: is named after itself, not after the file it extends
        if (!own.entries().containsKey("name")) tree = without(tree, "name");
        if (!fragments.isEmpty() || !overrides.isEmpty()) checkAsWritten(file, tree, defaultName(file));
        for (Path fragment : fragments) {
            YamlNode.Mapping f = reader.readFile(fragment);
            if (f.entries().containsKey("extends")) throw new BadInputException(f.keyOrigin("extends"), "extends", "a parameter fragment cannot extend another file");
            tree = merge(tree, f, true);
        }
        for (String set : overrides) tree = applySet(tree, set);
        return tree;
    }

    private static String defaultName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /** Files (with size and time) already checked as written, so calibration's many loads check once. */
    private final java.util.Set<String> checkedAsWritten = new java.util.HashSet<>();

    /**
     * A file that {@code validate} refuses is refused whatever --reps, --seed, --set or --params
     * would override: overrides change a valid scenario, they do not mend a broken file.
     */
    private void checkAsWritten(Path file, YamlNode.Mapping tree, String defaultName) {
        String key;
        try {
            key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            key = null;
        }
        if (key != null && checkedAsWritten.contains(key)) return;
        new ScenarioBinder(presetDir, reader).bind(tree, defaultName);
        if (key != null) checkedAsWritten.add(key);
    }

    /** Where a key of the shock with this id is set (file and line) in the merged scenario, or null; for errors found after binding. */
    public Origin shockKeyOrigin(String nameOrPath, String shockId, String key) {
        YamlNode.Mapping tree = readMerged(locate(nameOrPath), new ArrayList<>(), null);
        if (!(tree.get("shocks") instanceof YamlNode.Sequence shocks)) return null;
        for (YamlNode n : shocks.items()) {
            if (n instanceof YamlNode.Mapping m && m.get("id") instanceof YamlNode.Scalar id && shockId.equals(id.text())) return m.keyOrigin(key);
        }
        return null;
    }

    public Scenario load(String nameOrPath) { return load(nameOrPath, List.of()); }

    /**
     * Those of {@code keys} that the scenario sets on purpose: in one of its own files other than
     * {@code standIn} (the point calibration a parameter ensemble stands in for), or by an
     * override. A run over the ensemble keeps these at the scenario's value in every set.
     */
    public java.util.Set<String> keysSetOutside(String nameOrPath, List<String> overrides, java.util.Collection<String> keys, Path standIn) {
        YamlNode.Mapping tree = readMerged(locate(nameOrPath), new ArrayList<>(), null);
        for (String set : overrides) tree = applySet(tree, set);
        Path skip = standIn.toAbsolutePath().normalize();
        java.util.Set<String> held = new java.util.LinkedHashSet<>();
        for (String key : keys) {
            YamlNode node = tree;
            YamlNode.Entry entry = null;
            for (String part : key.split("\\.")) {
                if (!(node instanceof YamlNode.Mapping m) || m.entries().get(part) == null) {
                    entry = null;
                    break;
                }
                entry = m.entries().get(part);
                node = entry.value();
            }
            if (entry == null || (entry.value() instanceof YamlNode.Scalar sc && sc.isNull())) continue;
            String source = entry.keyOrigin().source();
            boolean fromStandIn = !source.equals(Origin.COMMAND_LINE.source()) && Path.of(source).toAbsolutePath().normalize().equals(skip);
            if (!fromStandIn) held.add(key);
        }
        return held;
    }

    /**
     * Reads a scenario (with fragments and overrides) once, for binding many variants of it
     * without reading or parsing any file again: the points of an experiment.
     */
    public ScenarioTemplate template(String nameOrPath, List<Path> fragments, List<String> overrides) {
        Path file = locate(nameOrPath);
        return new ScenarioTemplate(mergedTree(file, fragments, overrides), defaultName(file), new ScenarioBinder(presetDir, reader, true));
    }

    /**
     * The scalar leaves of a parameter fragment as {@code key.path=value} overrides (for passing a
     * fitted calibration on to another process); keys are checked when the scenario is bound.
     */
    public static List<String> fragmentOverrides(Path fragment) {
        List<String> out = new ArrayList<>();
        flatten("", new YamlReader().readFile(fragment), out);
        return out;
    }

    private static void flatten(String prefix, YamlNode node, List<String> out) {
        if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) flatten(prefix.isEmpty() ? e.key() : prefix + "." + e.key(), e.value(), out);
        } else if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            out.add(prefix + "=" + s.text());
        } else {
            throw new BadInputException(node.origin(), prefix, "a parameter fragment holds only keys with single values");
        }
    }

    /**
     * The file a scenario names in its own {@code extends} key, resolved as loading resolves it
     * (a file next to it, else a preset), or null if it extends nothing.
     */
    public Path parentOf(String nameOrPath) {
        Path file = locate(nameOrPath);
        YamlNode.Mapping own = new YamlReader().readFile(file);
        if (!(own.get("extends") instanceof YamlNode.Scalar s) || s.isNull()) return null;
        return resolveExtends(s.text(), file, own.keyOrigin("extends"));
    }

    /** A preset name (file in the preset folder) or a path to any scenario file. */
    public Path locate(String nameOrPath) {
        Path asPath = Path.of(nameOrPath);
        if (Files.exists(asPath)) return asPath.toAbsolutePath().normalize();
        boolean looksLikeName = NAME.matcher(nameOrPath).matches() && !nameOrPath.endsWith(".yaml") && !nameOrPath.endsWith(".yml");
        if (looksLikeName) {
            Path preset = presetDir.resolve(nameOrPath + ".yaml");
            if (Files.isRegularFile(preset)) return preset;
            String hint = Suggest.nearest(nameOrPath, presetNames());
            throw new BadInputException(null, null, "unknown scenario '" + nameOrPath + "'"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; `./accords list` shows the presets");
        }
        throw new BadInputException(new Origin(nameOrPath, 0), null, "no such file");
    }

    /** Preset names: the *.yaml files of the preset folder that are scenarios (not the roster). */
    public List<String> presetNames() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(presetDir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("roster.yaml") && !n.startsWith("_") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            // no preset folder: no presets
        }
        return names;
    }

    /** @param extendedFrom the {@code extends} key that led here (null for the file named by the user) */
    private YamlNode.Mapping readMerged(Path file, List<Path> chain, Origin extendedFrom) {
        if (chain.contains(file)) throw cycle(file, chain, extendedFrom);
        return mergeExtends(file, reader.readFile(file), chain, extendedFrom);
    }

    private static BadInputException cycle(Path file, List<Path> chain, Origin extendedFrom) {
        StringBuilder cycle = new StringBuilder();
        for (Path p : chain.subList(chain.indexOf(file), chain.size())) cycle.append(p.getFileName()).append(" -> ");
        cycle.append(file.getFileName());
        return new BadInputException(extendedFrom, "extends", "cycle: " + cycle);
    }

    /** {@code own} (the text of {@code file}) merged over everything it extends. */
    private YamlNode.Mapping mergeExtends(Path file, YamlNode.Mapping own, List<Path> chain, Origin extendedFrom) {
        YamlNode ext = own.get("extends");
        if (ext == null || (ext instanceof YamlNode.Scalar s && s.isNull())) return without(own, "extends");
        if (!(ext instanceof YamlNode.Scalar s)) {
            throw new BadInputException(own.keyOrigin("extends"), "extends", "must be a preset name or a file path, found " + YamlNode.describe(ext));
        }
        Path parentFile = resolveExtends(s.text(), file, own.keyOrigin("extends"));
        List<Path> longer = new ArrayList<>(chain);
        longer.add(file);
        YamlNode.Mapping parent = readMerged(parentFile, longer, own.keyOrigin("extends"));
        return merge(parent, without(own, "extends"), true);
    }

    private Path resolveExtends(String ref, Path from, Origin origin) {
        Path dir = from.getParent();
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir.resolve(ref));
        if (!ref.endsWith(".yaml") && !ref.endsWith(".yml")) {
            candidates.add(dir.resolve(ref + ".yaml"));
            candidates.add(presetDir.resolve(ref + ".yaml"));
        }
        for (Path c : candidates) if (Files.isRegularFile(c)) return c.toAbsolutePath().normalize();
        // a device, pipe or folder of that name: reading it gives the precise refusal
        for (Path c : candidates) if (Files.exists(c)) return c.toAbsolutePath().normalize();
        String hint = Suggest.nearest(ref, presetNames());
        throw new BadInputException(origin, "extends", "'" + ref + "' is neither a file next to this one nor a preset"
                + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }

    private static YamlNode.Mapping without(YamlNode.Mapping m, String key) {
        if (!m.entries().containsKey(key)) return m;
        Map<String, YamlNode.Entry> e = new LinkedHashMap<>(m.entries());
        e.remove(key);
        return new YamlNode.Mapping(e, m.origin());
    }

    /** Maps merge key by key; the top-level shock list appends, replacing shocks by id; anything else is replaced. */
    static YamlNode.Mapping merge(YamlNode.Mapping base, YamlNode.Mapping over, boolean topLevel) {
        Map<String, YamlNode.Entry> out = new LinkedHashMap<>(base.entries());
        for (YamlNode.Entry e : over.entries().values()) {
            YamlNode.Entry old = out.get(e.key());
            YamlNode value = e.value();
            if (old != null && old.value() instanceof YamlNode.Mapping a && value instanceof YamlNode.Mapping b) {
                value = merge(a, b, false);
            } else if (old != null && topLevel && e.key().equals("shocks")
                    && old.value() instanceof YamlNode.Sequence a && value instanceof YamlNode.Sequence b) {
                value = mergeShocks(a, b);
            }
            out.put(e.key(), new YamlNode.Entry(e.key(), e.keyOrigin(), value));
        }
        return new YamlNode.Mapping(out, over.origin());
    }

    private static YamlNode.Sequence mergeShocks(YamlNode.Sequence base, YamlNode.Sequence over) {
        List<YamlNode> items = new ArrayList<>(base.items());
        for (YamlNode shock : over.items()) {
            String id = shockId(shock);
            int at = -1;
            for (int i = 0; id != null && i < items.size(); i++) if (id.equals(shockId(items.get(i)))) at = i;
            if (at >= 0) items.set(at, shock);
            else items.add(shock);
        }
        return new YamlNode.Sequence(items, over.origin());
    }

    static String shockId(YamlNode shock) {
        if (shock instanceof YamlNode.Mapping m && m.get("id") instanceof YamlNode.Scalar s && !s.isNull()) return s.text();
        return null;
    }

    /**
     * Applies one {@code path=value} override. The value is read as YAML (so lists work); a path
     * through the shock list names the shock by id: {@code shocks.gaza-war.start=2024-01}.
     * Unknown paths are reported when the tree is bound, like unknown keys in a file.
     */
    YamlNode.Mapping applySet(YamlNode.Mapping tree, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new BadInputException(Origin.COMMAND_LINE, assignment, "expected key.path=value");
        String path = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1);
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new BadInputException(Origin.COMMAND_LINE, path, "malformed key path");
        }
        if (path.equals("extends")) throw new BadInputException(Origin.COMMAND_LINE, path, "cannot be set from the command line");
        // an empty value is YAML null: the key falls back to its default
        YamlNode value = text.isBlank() ? new YamlNode.Scalar(null, Origin.COMMAND_LINE)
                : relocate(reader.read(text, "--set " + path), Origin.COMMAND_LINE);
        return setValue(tree, path, value);
    }

    /** Puts one value at a key path (as {@link #applySet} does, without parsing the value). */
    static YamlNode.Mapping setValue(YamlNode.Mapping tree, String path, YamlNode value) {
        String[] keys = path.split("\\.");
        if (keys.length > 4 && keys[0].equals("shocks") && keys[2].equals("effects")) {
            // an effect key may itself hold a dot (world.gazaConflict): the rest of the path is that key
            keys = new String[] {keys[0], keys[1], keys[2], String.join(".", java.util.Arrays.copyOfRange(keys, 3, keys.length))};
        }
        return (YamlNode.Mapping) setAt(tree, keys, 0, value, path);
    }

    private static YamlNode setAt(YamlNode node, String[] keys, int i, YamlNode value, String path) {
        if (i == keys.length) return value;
        Origin origin = Origin.COMMAND_LINE;
        if (node instanceof YamlNode.Sequence seq && i > 0 && keys[i - 1].equals("shocks") && i == 1) {
            List<YamlNode> items = new ArrayList<>(seq.items());
            for (int k = 0; k < items.size(); k++) {
                if (keys[i].equals(shockId(items.get(k)))) {
                    items.set(k, setAt(items.get(k), keys, i + 1, value, path));
                    return new YamlNode.Sequence(items, seq.origin());
                }
            }
            throw new BadInputException(Origin.COMMAND_LINE, path, "no shock with id '" + keys[i] + "'");
        }
        if (i == 1 && keys[0].equals("shocks") && keys.length > 2) {
            // a path into a shock, but the scenario has no shock list to look in
            throw new BadInputException(Origin.COMMAND_LINE, path, "no shock with id '" + keys[1] + "'");
        }
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        Origin mapOrigin = origin;
        if (node instanceof YamlNode.Mapping m) {
            entries.putAll(m.entries());
            mapOrigin = m.origin();
        } else if (node != null && !(node instanceof YamlNode.Scalar s && s.isNull())) {
            throw new BadInputException(Origin.COMMAND_LINE, path, "'" + String.join(".", java.util.Arrays.copyOf(keys, i))
                    + "' is " + YamlNode.describe(node) + ", not a section with keys");
        }
        YamlNode.Entry old = entries.get(keys[i]);
        YamlNode child = setAt(old == null ? null : old.value(), keys, i + 1, value, path);
        entries.put(keys[i], new YamlNode.Entry(keys[i], origin, child));
        return new YamlNode.Mapping(entries, mapOrigin);
    }

    private static YamlNode relocate(YamlNode n, Origin o) {
        if (n instanceof YamlNode.Scalar s) return new YamlNode.Scalar(s.text(), o);
        if (n instanceof YamlNode.Sequence q) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode x : q.items()) items.add(relocate(x, o));
            return new YamlNode.Sequence(items, o);
        }
        YamlNode.Mapping m = (YamlNode.Mapping) n;
        Map<String, YamlNode.Entry> e = new LinkedHashMap<>();
        for (YamlNode.Entry x : m.entries().values()) e.put(x.key(), new YamlNode.Entry(x.key(), o, relocate(x.value(), o)));
        return new YamlNode.Mapping(e, o);
    }
}
