package org.accords.experiment;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.accords.scenario.Origin;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * One uncertain input of an experiment: scenario keys (one, or every state of a bloc) that take
 * the same value, and how that value is spread: listed levels, a range, or a distribution.
 * Designs work in the unit cube; {@link #text(double)} maps a unit coordinate u to the value
 * (a level's index, a point of the range, or a quantile of the distribution).
 *
 * @param keys   the scenario keys set to this factor's value (several for a bloc)
 * @param levels the listed levels (values as in a scenario file), or null
 * @param min    lower end of a range (months as months since year 0), or of a truncated distribution
 * @param max    upper end
 * @param distribution the distribution (unit u is its quantile), or null
 * @param type   how values are written: numbers, whole numbers or months
 * @param origin the line of the factor in the experiment file (for errors at its values)
 */
public record Factor(String name, String key, List<String> keys, List<String> levels, double min, double max,
                     RealDistribution distribution, Type type, Origin origin) {
    public enum Type { NUMBER, INTEGER, MONTH, TEXT }

    public Factor {
        keys = List.copyOf(keys);
        levels = levels == null ? null : List.copyOf(levels);
    }

    public boolean isLevels() { return levels != null; }

    public boolean isDistribution() { return distribution != null; }

    /** Number of values of this factor in a full factorial: its levels, or {@code size} points. */
    public int factorialLevels(int size) {
        if (isLevels()) return levels.size();
        if (type == Type.INTEGER || type == Type.MONTH) return (int) Math.min(size, max - min + 1);
        return size;
    }

    /**
     * The unit coordinate of level i of n in a full factorial: level midpoints for listed levels
     * and distributions (quantiles (i + 1/2)/n), the ends and even steps for a range.
     */
    public double factorialCoordinate(int i, int n) {
        if (isLevels() || isDistribution()) return (i + 0.5) / n;
        return n == 1 ? 0.5 : i / (double) (n - 1);
    }

    /** The value at unit coordinate u, as scenario-file text. */
    public String text(double u) {
        double c = Math.min(1, Math.max(0, u));
        if (isLevels()) return levels.get(Math.min(levels.size() - 1, (int) Math.floor(c * levels.size())));
        double v = raw(c);
        return switch (type) {
            case INTEGER -> String.valueOf(Math.round(v));
            case MONTH -> month(Math.round(v)).toString();
            default -> plain(v, 6);
        };
    }

    /** The value at u as a number, for charts and box limits (months as fractional years). */
    public double numeric(double u) {
        String t = text(u);
        if (type == Type.MONTH || t.matches("\\d{4}-\\d{2}")) {
            YearMonth m = YearMonth.parse(t);
            return m.getYear() + (m.getMonthValue() - 1) / 12.0;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return levels.indexOf(t); // text levels: their position
        }
    }

    private double raw(double c) {
        if (isDistribution()) {
            // keep clear of the infinite tails of unbounded distributions
            double q = Math.min(1 - 1e-9, Math.max(1e-9, c));
            double lo = distribution.cumulativeProbability(min);
            double hi = distribution.cumulativeProbability(max);
            return Math.min(max, Math.max(min, distribution.inverseCumulativeProbability(lo + q * (hi - lo))));
        }
        // months and whole numbers: each whole value gets an equal share of the unit interval
        if (type == Type.INTEGER || type == Type.MONTH) return Math.min(max, Math.floor(min + c * (max - min + 1)));
        return min + c * (max - min);
    }

    /** Fixed decimals, no exponent, trailing zeros trimmed: the same text at any locale. */
    static String plain(double v, int decimals) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    static long monthIndex(YearMonth m) { return m.getYear() * 12L + m.getMonthValue() - 1; }

    static YearMonth month(long index) { return YearMonth.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1); }

    /** How the factor is spread, for pages and the manifest. */
    public String describe() {
        if (isLevels()) return "levels " + String.join(", ", levels);
        String lo = type == Type.MONTH ? month((long) min).toString() : plain(min, 6);
        String hi = type == Type.MONTH ? month((long) max).toString() : plain(max, 6);
        if (isDistribution()) return String.format(Locale.ROOT, "%s on [%s, %s]", distribution.getClass().getSimpleName()
                .replace("Distribution", "").toLowerCase(Locale.ROOT) + " (mean " + plain(distribution.getNumericalMean(), 4) + ")", lo, hi);
        return "range " + lo + " .. " + hi;
    }
}
