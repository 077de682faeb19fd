package org.accords.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.attribute.BasicFileAttributes;
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
        YamlNode root = read(decode(readBounded(file, "scenario file"), name), name);
        if (!(root instanceof YamlNode.Mapping m)) {
            throw new BadInputException(root.origin(), null, "the file must be a mapping of keys to values, found " + YamlNode.describe(root));
        }
        return m;
    }

    /**
     * The bytes of an input file, refused before reading when it is not a regular file (a
     * directory, /dev/zero, a FIFO would hang or fill memory) or larger than the limit; reads at
     * most one byte past the limit in case the file grows meanwhile.
     */
    public static byte[] readBounded(Path file, String what) {
        Origin at = new Origin(file.toString(), 0);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException(at, null, "no such file");
        } catch (IOException e) {
            throw new BadInputException(at, null, "cannot read file (" + BadInputException.reason(e) + ")");
        }
        if (attrs.isDirectory()) throw new BadInputException(at, null, "is a directory, not a " + what);
        if (!attrs.isRegularFile()) throw new BadInputException(at, null, "is not a regular file (a device, pipe or socket?), not a " + what);
        if (attrs.size() > MAX_BYTES) throw new BadInputException(at, null, "file is larger than 4 MiB");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw new BadInputException(at, null, "file is larger than 4 MiB");
            return bytes;
        } catch (IOException e) {
            throw new BadInputException(at, null, "cannot read file (" + BadInputException.reason(e) + ")");
        }
    }

    /** Strict UTF-8: a file in another encoding is refused with the line of its first bad byte. */
    static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            throw new BadInputException(new Origin(source, line), null, "not valid UTF-8 text (byte " + bad
                    + "); save the file as UTF-8");
        }
    }

    private static int firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
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
                    checkCharacters(key, keyOrigin, path);
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
                checkCharacters(text, here, path);
                return new YamlNode.Scalar(text == null || text.isEmpty() ? null : text, here);
        }
    }

    /**
     * Control characters (escapes such as "\\x1b" in quoted YAML) would reach the terminal, the
     * SVG and the pages: refused, with the code of the first one.
     */
    private static void checkCharacters(String text, Origin at, String path) {
        if (text == null) return;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BadInputException.unsafe(c)) {
                throw new BadInputException(at, path, String.format("holds the control character U+%04X; remove it", (int) c));
            }
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
