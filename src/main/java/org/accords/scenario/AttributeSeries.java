package org.accords.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One roster attribute as a series of dated measurements (a data vintage). At month t the value in
 * force is the latest measurement dated at or before t: no measurement enters a run before its
 * date. Before the first measurement the value is an assumption: the series' stated {@code before}
 * value with its reason, or else the first measurement carried back; either way the use is marked,
 * and runs count such uses. A series may also be a single undated value (a scenario override, or
 * a hand-written test roster): it holds at every month and is an assumption only if its note says so.
 */
public final class AttributeSeries {
    /** One measurement: its date (null: undated), value and citation. For priorRelations "none" is NaN. */
    public record Point(YearMonth date, double value, Sourced source) {}

    /**
     * The value in force in a month.
     *
     * @param date       the measurement's date, or null for an undated value or a stated prior assumption
     * @param assumption whether the value is an assumption (a stated one, a carried-back one, or a value whose note is an assumption)
     * @param reason     the assumption's reason, or empty
     */
    public record Use(double value, YearMonth date, boolean assumption, String reason) {}

    private final List<Point> points;
    private final Point before;
    /** What each month before the first measurement gets; null when there are no dated points. */
    private final Use early;
    private final Use[] uses;

    private AttributeSeries(List<Point> points, Point before) {
        this.points = List.copyOf(points);
        this.before = before;
        uses = new Use[this.points.size()];
        for (int i = 0; i < uses.length; i++) {
            Point p = this.points.get(i);
            boolean assumed = p.source().isAssumption();
            uses[i] = new Use(p.value(), p.date(), assumed, assumed ? p.source().assumption() : "");
        }
        if (before != null) {
            early = new Use(before.value(), null, true, before.source().assumption());
        } else if (!this.points.isEmpty() && this.points.get(0).date() != null) {
            Point first = this.points.get(0);
            early = new Use(first.value(), first.date(), true, "no measurement before " + first.date() + ": its value is carried back");
        } else {
            early = null;
        }
    }

    /** Dated measurements in strictly increasing date order, and an optional stated value for the months before the first. */
    public static AttributeSeries of(List<Point> points, Point before) {
        if (points.isEmpty() && before == null) throw new IllegalArgumentException("a series needs a measurement or a stated prior value");
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).date() == null) throw new IllegalArgumentException("an undated point in a series");
            if (i > 0 && !points.get(i).date().isAfter(points.get(i - 1).date())) throw new IllegalArgumentException("dates out of order");
        }
        if (before != null && !before.source().isAssumption()) throw new IllegalArgumentException("a stated prior value must be an assumption");
        return new AttributeSeries(points, before);
    }

    /** One undated value that holds at every month. */
    public static AttributeSeries undated(double value, Sourced source) {
        return new AttributeSeries(List.of(new Point(null, value, source)), null);
    }

    /** The value in force in {@code month}: the latest measurement dated at or before it, else the marked assumption. */
    public Use at(YearMonth month) {
        if (points.size() == 1 && points.get(0).date() == null) return uses[0];
        int lo = 0, hi = points.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).date().isAfter(month)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found < 0 ? early : uses[found];
    }

    /** The latest measurement's value (or the stated prior value of a series without measurements). */
    public double latest() {
        return points.isEmpty() ? before.value() : points.get(points.size() - 1).value();
    }

    /** Whether every value is dated or a marked assumption (what the shipped roster must satisfy). */
    public boolean isDated() {
        for (Point p : points) if (p.date() == null && !p.source().isAssumption()) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeSeries a && points.equals(a.points) && java.util.Objects.equals(before, a.before);
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(points, before); }

    @Override
    public String toString() { return "series" + points + (before == null ? "" : " before " + before.value()); }

    public List<Point> points() { return points; }

    /** The stated value for the months before the first measurement, or null (then the first is carried back). */
    public Point before() { return before; }

    /** The series with every value through {@code f} (the same dates and citations). */
    public AttributeSeries map(java.util.function.DoubleUnaryOperator f) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) out.add(new Point(p.date(), f.applyAsDouble(p.value()), p.source()));
        return new AttributeSeries(out, before == null ? null : new Point(null, f.applyAsDouble(before.value()), before.source()));
    }
}
