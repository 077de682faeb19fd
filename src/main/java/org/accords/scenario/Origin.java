package org.accords.scenario;

/** Where a value came from: a file and line, or a command-line override (line 0). */
public record Origin(String source, int line) {
    public static final Origin COMMAND_LINE = new Origin("--set", 0);

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
