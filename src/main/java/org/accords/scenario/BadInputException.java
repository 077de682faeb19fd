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

    private static String format(Origin origin, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (origin != null) sb.append(origin).append(": ");
        if (key != null && !key.isEmpty()) sb.append(key).append(": ");
        sb.append(problem);
        return sb.toString().replace('\n', ' ');
    }
}
