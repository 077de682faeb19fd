package org.accords.experiment;

import java.time.YearMonth;
import org.accords.scenario.Scenario;

/**
 * A named measure of one point's ensemble. Each value comes with its Monte Carlo variance (the
 * variance of the estimate over replications), so sensitivity analysis can say how much of the
 * spread between points is noise.
 *
 * @param state    state id for per-state measures, else null
 * @param month    the month measured at (null: the run's last month)
 * @param quantile for join-month quantiles
 * @param until    for the history fit: the last month scored (null: the run's last month)
 */
public record Outcome(String name, Measure measure, String state, YearMonth month, double quantile, YearMonth until) {

    public enum Measure {
        JOINED_BY("joinedBy", "P(state joined by month)"),
        MEMBER("member", "P(state an active member in month)"),
        MEAN_JOINED("meanJoined", "mean states ever joined by month"),
        MEAN_MEMBERS("meanMembers", "mean active members in month"),
        MEAN_FROZEN("meanFrozen", "mean states frozen in month"),
        JOIN_MONTH("joinMonth", "quantile of the state's join month over all runs, as a fractional year (empty if fewer runs join)"),
        HISTORY_FIT("historyFit", "monthly loss against the observed record (Brier of joined-by plus frozen), start to until; lower fits better");

        public final String key;
        public final String meaning;

        Measure(String key, String meaning) {
            this.key = key;
            this.meaning = meaning;
        }

        public static Measure byKey(String k) {
            for (Measure m : values()) if (m.key.equals(k)) return m;
            return null;
        }
    }

    /** A value and its Monte Carlo variance (NaN where there is no simple one). */
    public record Value(double value, double mcVariance) {}

    public Value measure(EnsembleResult r, Scenario sc) {
        int t = sc.run().tickOf(month == null ? sc.run().end() : month);
        double n = r.runs();
        int s = state == null ? -1 : sc.indexOf(state);
        switch (measure) {
            case JOINED_BY: {
                double p = r.pJoinedBy(s, t);
                return new Value(p, p * (1 - p) / n);
            }
            case MEMBER: {
                double p = r.pMember(s, t);
                return new Value(p, p * (1 - p) / n);
            }
            case MEAN_JOINED:
                return new Value(r.joinedMean(t), r.joinedVariance(t) / n);
            case MEAN_MEMBERS:
                return new Value(r.membersMean(t), Double.NaN);
            case MEAN_FROZEN:
                return new Value(r.frozenMean(t), Double.NaN);
            case JOIN_MONTH: {
                // unconditional quantile: the first month by which this share of runs had joined
                int last = r.months() - 1;
                for (int k = 0; k <= last; k++) {
                    if (r.pJoinedBy(s, k) >= quantile) {
                        YearMonth m = sc.run().monthOf(k);
                        return new Value(m.getYear() + (m.getMonthValue() - 1) / 12.0, Double.NaN);
                    }
                }
                return new Value(Double.NaN, Double.NaN);
            }
            case HISTORY_FIT: {
                int to = sc.run().tickOf(until == null ? sc.run().end() : until);
                return new Value(Scoring.monthlyLoss(Forecast.of(r), new ObservedRecord(sc), 0, to), Double.NaN);
            }
            default:
                throw new IllegalStateException(measure.toString());
        }
    }

    /** A short description for pages: "P(SAU joined by 2028-12)". */
    public String label() {
        String at = month == null ? "the end" : month.toString();
        return switch (measure) {
            case JOINED_BY -> "P(" + state + " joined by " + at + ")";
            case MEMBER -> "P(" + state + " member in " + at + ")";
            case MEAN_JOINED -> "states joined by " + at;
            case MEAN_MEMBERS -> "active members in " + at;
            case MEAN_FROZEN -> "states frozen in " + at;
            case JOIN_MONTH -> state + " join month, " + Factor.plain(quantile * 100, 1) + "% quantile";
            case HISTORY_FIT -> "history fit (loss to " + (until == null ? "the end" : until.toString()) + ")";
        };
    }
}
