package org.accords.scenario;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Strict conversion of YAML scalars to numbers and months, with errors that name file, line and key. */
final class Values {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[-+]?\\.?(nan|inf|infinity)");

    private Values() {}

    static YamlNode.Scalar scalar(YamlNode n, String key, String expected) {
        if (n instanceof YamlNode.Scalar s && !s.isNull()) return s;
        throw new BadInputException(n.origin(), key, "expected " + expected + ", found " + YamlNode.describe(n));
    }

    static double number(YamlNode n, String key, double min, double max) {
        YamlNode.Scalar s = scalar(n, key, "a number");
        String t = s.text().trim();
        if (NON_FINITE.matcher(t).matches()) throw new BadInputException(s.origin(), key, "must be a finite number, found '" + t + "'");
        if (!DECIMAL.matcher(t).matches()) throw new BadInputException(s.origin(), key, "expected a number, found '" + t + "'");
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) throw new BadInputException(s.origin(), key, "must be a finite number, found '" + t + "'");
        if (v < min || v > max) throw new BadInputException(s.origin(), key, "must be between " + plain(min) + " and " + plain(max) + ", found " + t);
        return v;
    }

    static long integer(YamlNode n, String key, long min, long max) {
        YamlNode.Scalar s = scalar(n, key, "a whole number");
        String t = s.text().trim();
        if (!INTEGER.matcher(t).matches()) throw new BadInputException(s.origin(), key, "expected a whole number, found '" + t + "'");
        long v;
        try {
            v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new BadInputException(s.origin(), key, "number too large: " + t);
        }
        if (v < min || v > max) throw new BadInputException(s.origin(), key, "must be between " + min + " and " + max + ", found " + t);
        return v;
    }

    static YearMonth month(YamlNode n, String key) {
        YamlNode.Scalar s = scalar(n, key, "a month (YYYY-MM)");
        String t = s.text().trim();
        if (!MONTH.matcher(t).matches()) throw new BadInputException(s.origin(), key, "expected a month as YYYY-MM, found '" + t + "'");
        try {
            return YearMonth.parse(t);
        } catch (DateTimeException e) {
            throw new BadInputException(s.origin(), key, "not a valid month: '" + t + "'");
        }
    }

    static String text(YamlNode n, String key) {
        return scalar(n, key, "text").text();
    }

    static String plain(double d) {
        if (d >= Long.MAX_VALUE) return "2^63-1";
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
