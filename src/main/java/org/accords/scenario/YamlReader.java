package org.accords.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML with Jackson's streaming parser into {@link YamlNode}s. Being a token stream, it
 * never instantiates a type from a tag; it refuses tags, anchors and aliases outright (so there
 * are no alias bombs), and duplicate keys.
 */
public final class YamlReader {
    private static final int MAX_BYTES = 4 << 20;
    private static final int MAX_DEPTH = 64;

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        factory = YAMLFactory.builder().loaderOptions(options).build();
    }

    public YamlNode.Mapping readFile(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new BadInputException(new Origin(name, 0), null, "is a directory, not a scenario file");
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new BadInputException(new Origin(name, 0), null, "file is larger than 4 MiB");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(new Origin(name, 0), null, "no such file");
        } catch (IOException e) {
            throw new BadInputException(new Origin(name, 0), null, "cannot read file (" + e.getClass().getSimpleName() + ")");
        }
        YamlNode root = read(new String(bytes, StandardCharsets.UTF_8), name);
        if (!(root instanceof YamlNode.Mapping m)) {
            throw new BadInputException(root.origin(), null, "the file must be a mapping of keys to values, found " + YamlNode.describe(root));
        }
        return m;
    }

    /** Parses one YAML document; {@code source} names it in errors. */
    public YamlNode read(String text, String source) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new YamlNode.Mapping(Map.of(), new Origin(source, 1));
            YamlNode node = readValue((YAMLParser) p, source, 0, "");
            if (p.nextToken() != null) {
                throw new BadInputException(origin(p, source), null, "more than one YAML document in the file");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            throw new BadInputException(new Origin(source, Math.max(line, 0)), null, "malformed YAML: " + problem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadInputException(new Origin(source, 0), null, "cannot read YAML: " + firstLine(e.getMessage()));
        }
    }

    /** @param path the key path of this value, for error messages */
    private YamlNode readValue(YAMLParser p, String source, int depth, String path) throws IOException {
        Origin here = origin(p, source);
        if (depth > MAX_DEPTH) throw new BadInputException(here, null, "nesting deeper than " + MAX_DEPTH);
        if (p.isCurrentAlias()) throw new BadInputException(here, null, "YAML aliases (*name) are not supported");
        if (p.getCurrentAnchor() != null) throw new BadInputException(here, null, "YAML anchors (&name) are not supported");
        String tag = p.getTypeId();
        if (tag != null) throw new BadInputException(here, null, "YAML type tags (!" + tag + ") are not allowed");
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String keyPath = path.isEmpty() ? key : path + "." + key;
                    Origin keyOrigin = origin(p, source);
                    if (entries.containsKey(key)) {
                        throw new BadInputException(keyOrigin, keyPath, "duplicate key (first at line " + entries.get(key).keyOrigin().line() + ")");
                    }
                    p.nextToken();
                    entries.put(key, new YamlNode.Entry(key, keyOrigin, readValue(p, source, depth + 1, keyPath)));
                }
                return new YamlNode.Mapping(entries, here);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(readValue(p, source, depth + 1, path + "[" + items.size() + "]"));
                return new YamlNode.Sequence(items, here);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(null, here);
            default:
                // an empty value (`key:`) means "not given": the key takes its default
                String text = p.getText();
                return new YamlNode.Scalar(text == null || text.isEmpty() ? null : text, here);
        }
    }

    private static Origin origin(JsonParser p, String source) {
        JsonLocation loc = p.currentTokenLocation();
        return new Origin(source, loc == null ? 0 : Math.max(loc.getLineNr(), 0));
    }

    /** SnakeYAML's message without its source excerpts: "while parsing a flow sequence: expected ',' or ']'...". */
    private static String problem(String s) {
        if (s == null) return "unknown problem";
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("in 'reader'") || t.equals("^") || line.startsWith("    ")) continue;
            if (out.length() > 0) out.append(": ");
            out.append(t);
        }
        return out.length() == 0 ? "unknown problem" : out.toString();
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
