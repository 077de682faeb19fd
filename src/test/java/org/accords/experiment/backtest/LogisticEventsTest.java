package org.accords.experiment.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.accords.experiment.LogisticHazardModel;
import org.junit.jupiter.api.Test;

/** The logistic competitor's fit and its cross-validated penalty on data with known answers. */
class LogisticEventsTest {
    @Test
    void interceptOnlyFitRecoversTheEventRate() {
        List<double[]> rows = new ArrayList<>();
        double[] y = new double[400];
        for (int i = 0; i < 400; i++) {
            rows.add(new double[] {1, 0});
            y[i] = i % 20 == 0 ? 1 : 0; // 20 events in 400: rate 0.05
        }
        double[] beta = LogisticHazardModel.fitRidge(rows, y, 1.0, null);
        assertEquals(0.05, LogisticHazardModel.hazard(beta, new double[] {1, 0}), 1e-4);
    }

    /** 40 states x 50 months; the event happens exactly when x = 1 (5 state-months in 100), or at random. */
    private static LogisticEvents.Fit fit(boolean informative) {
        List<double[]> rows = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Integer> fold = new ArrayList<>();
        java.util.Random r = new java.util.Random(3);
        for (int s = 0; s < 40; s++) {
            for (int t = 0; t < 50; t++) {
                double x = r.nextDouble() < 0.05 ? 1 : 0;
                double noise = r.nextDouble();
                rows.add(new double[] {1, x, noise});
                y.add(informative ? x : (r.nextDouble() < 0.05 ? 1.0 : 0.0));
                fold.add(s % LogisticEvents.FOLDS);
            }
        }
        return LogisticEvents.fit(Transition.JOIN, rows, y.stream().mapToDouble(Double::doubleValue).toArray(),
                fold.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void crossValidationPenalisesLittleWhenTheCovariateDecidesAndMuchWhenItIsNoise() {
        LogisticEvents.Fit signal = fit(true);
        LogisticEvents.Fit noise = fit(false);
        assertTrue(signal.ridge() <= 0.01, "separable signal: small penalty, got " + signal.ridge());
        assertTrue(signal.beta()[1] > 5, "x drives the event: large coefficient, got " + signal.beta()[1]);
        assertTrue(noise.ridge() >= 1, "pure noise: large penalty, got " + noise.ridge());
        assertEquals(2000, signal.rows());
    }
}
