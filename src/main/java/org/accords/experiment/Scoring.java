package org.accords.experiment;

/**
 * Proper scores of a forecast against the observed record. The Brier score at a checkpoint is
 * the mean over states of (P(joined by then) - observed)^2; its skill score compares it with a
 * base-rate forecast that gives every state the observed share of joiners, 1 - B / (o(1 - o)).
 */
public final class Scoring {
    private Scoring() {}

    public static double brier(Forecast f, ObservedRecord o, int tick) {
        return meanSquaredError(o.states(), s -> f.pJoinedBy(s, tick), s -> o.joinedBy(s, tick));
    }

    /** Brier score of the base-rate (climatological) forecast: o(1 - o) with o the share joined by then. */
    public static double baseRateBrier(ObservedRecord o, int tick) {
        double rate = 0;
        for (int s = 0; s < o.states(); s++) rate += o.joinedBy(s, tick) ? 1 : 0;
        rate /= o.states();
        return rate * (1 - rate);
    }

    /** 1 - B / B_ref; NaN when the reference is zero (nobody, or everybody, joined). */
    public static double skill(double brier, double reference) {
        return reference == 0 ? Double.NaN : 1 - brier / reference;
    }

    /** Brier score of P(frozen) against observed freezes at a month, over states. */
    public static double frozenBrier(Forecast f, ObservedRecord o, int tick) {
        return meanSquaredError(o.states(), s -> f.pFrozen(s, tick), s -> o.frozen(s, tick));
    }

    /** Mean over states of (forecast - outcome)^2, with the outcome 1 or 0. */
    private static double meanSquaredError(int states, java.util.function.IntToDoubleFunction forecast,
                                           java.util.function.IntPredicate outcome) {
        double sum = 0;
        for (int s = 0; s < states; s++) {
            double d = forecast.applyAsDouble(s) - (outcome.test(s) ? 1 : 0);
            sum += d * d;
        }
        return sum / states;
    }

    /**
     * The calibration objective: monthly Brier of joined-by plus monthly Brier of frozen, averaged
     * over states and the months [from, to]. Every month counts, so timing matters, not just counts.
     */
    public static double monthlyLoss(Forecast f, ObservedRecord o, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = from; t <= to; t++) {
            sum += brier(f, o, t) + frozenBrier(f, o, t);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
