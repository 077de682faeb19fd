package org.accords.scenario;

/**
 * Bad input from a user: a scenario file, a roster, a --set override or a command-line value.
 * Its message is one line naming the file, the line and the key where there is one; the CLI
 * prints it and exits with code 2.
 */
public final class BadInputException extends RuntimeException {
    private final transient Origin origin;
    private final String key;
    private final String problem;

    public BadInputException(Origin origin, String key, String problem) {
        super(format(origin, key, problem), null, false, false);
        this.origin = origin;
        this.key = key;
        this.problem = problem;
    }

    public BadInputException(String problem) {
        this(null, null, problem);
    }

    public Origin origin() { return origin; }
    public String key() { return key; }
    public String problem() { return problem; }

    /** Longest quoted excerpt of a bad value, and longest message, in characters. */
    static final int EXCERPT = 60;
    static final int LONGEST = 600;
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("(?<=^|[\\s(=:,])'(\\S[^'\\n]{" + (EXCERPT - 1) + ",}\\S)'");

    private static String format(Origin origin, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (origin != null) sb.append(origin).append(": ");
        if (key != null && !key.isEmpty()) sb.append(key).append(": ");
        sb.append(problem);
        return clean(sb.toString());
    }

    /**
     * A message safe to print on a terminal, on one line: control characters (and the
     * direction overrides that can disguise text) shown as {@code \\u001b}, quoted values cut
     * to a short excerpt, the whole at most {@value #LONGEST} characters.
     */
    public static String clean(String message) {
        String m = QUOTED.matcher(message.replace('\n', ' '))
                .replaceAll(r -> java.util.regex.Matcher.quoteReplacement("'" + r.group(1).substring(0, EXCERPT) + "…'"));
        StringBuilder out = new StringBuilder();
        m.codePoints().forEach(c -> {
            if (unsafe(c)) out.append(String.format("\\u%04x", c));
            else out.appendCodePoint(c);
        });
        return out.length() <= LONGEST ? out.toString() : out.substring(0, LONGEST - 1) + "…";
    }

    /** C0 and C1 control characters (but tab and line feed), and the bidirectional overrides. */
    public static boolean unsafe(int c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** An I/O failure in words, for a one-line message. */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName().replace("Exception", "");
    }
}
