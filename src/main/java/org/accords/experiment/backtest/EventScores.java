package org.accords.experiment.backtest;

/**
 * Proper scores of event probabilities, item by item (lower is better for both): the Brier score
 * (p - y)^2 and the log score -ln(probability given to what happened). Probabilities are
 * clipped to [EPS, 1 - EPS] for the log score only, the same for every model, so a forecast of
 * exactly 0 for an event that happens costs -ln(0.001) = 6.9 instead of infinity.
 */
public final class EventScores {
    public static final double EPS = 1e-3;

    private EventScores() {}

    public static double[] brier(double[] p, boolean[] y) {
        check(p, y);
        double[] b = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (y[i] ? 1 : 0);
            b[i] = d * d;
        }
        return b;
    }

    public static double[] log(double[] p, boolean[] y) {
        check(p, y);
        double[] l = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            l[i] = -Math.log(y[i] ? q : 1 - q);
        }
        return l;
    }

    public static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    private static void check(double[] p, boolean[] y) {
        if (p.length != y.length) throw new IllegalArgumentException("forecasts and outcomes differ in length");
        for (double x : p) if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("probability out of [0, 1]: " + x);
    }
}
