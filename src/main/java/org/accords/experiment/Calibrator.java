package org.accords.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.accords.scenario.Parameter;
import org.accords.scenario.Scenario;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Fits the global parameters to the observed record up to a cutoff with CMA-ES (commons-math3).
 * Every evaluation runs the same replications with the same seeds (common random numbers), so
 * differences in the loss come from the parameters, not from sampling noise. The loss is the
 * monthly Brier score of joined-by and frozen status over the calibration window
 * ({@link Scoring#monthlyLoss}). Only global parameters are fitted; no state attribute is.
 */
public final class Calibrator {

    /** A fitted parameter: its scenario key and the bounds it is searched within. */
    public record Dimension(String key, double lower, double upper) {}

    /**
     * The calibrated parameters and their bounds: the one place they are declared. The
     * temperature stays fixed, since scaling every weight, cost and threshold together with it
     * leaves the hazard unchanged; the damping, relief, bloc-share and prestige coefficients are
     * not identified by six observed events and keep their documented defaults.
     */
    public static final List<Dimension> SPACE = List.of(
            new Dimension("model.weights.iranThreat", 0, 5),
            new Dimension("model.weights.palestinianPressure", 0, 8),
            new Dimension("model.weights.economicDiversification", 0, 5),
            new Dimension("model.weights.usRewards", 0, 8),
            new Dimension("model.weights.peerInfluence", 0, 8),
            new Dimension("model.joinThreshold", 0, 6),
            new Dimension("model.exitThreshold", -6, -0.05),
            new Dimension("model.maxHazard", 0.05, 0.95),
            new Dimension("model.joinCost", 0, 4),
            new Dimension("model.symbolicJoinCost", 0, 4),
            new Dimension("model.gazaAmplification", 0, 6),
            new Dimension("us.offerRate", 0, 1),
            new Dimension("us.offerSize", 0, 2),
            new Dimension("us.askShare", 0, 1));

    public record Settings(YearMonth until, int budget, int replications, long seed, int threads) {}

    public record Progress(int evaluation, int budget, double loss, double best) {}

    /**
     * @param values      fitted values, rounded to 4 decimals, in SPACE order
     * @param inSample    monthly loss from the start to the cutoff
     * @param outOfSample monthly loss after the cutoff to the end (NaN if none)
     */
    public record Fit(List<Double> values, double startLoss, double inSample, double outOfSample, int evaluations) {
        public List<String> overrides() {
            List<String> o = new ArrayList<>();
            for (int i = 0; i < SPACE.size(); i++) o.add(SPACE.get(i).key() + "=" + values.get(i));
            return o;
        }
    }

    private final Function<List<String>, Scenario> scenarioWith;
    private final Settings settings;

    /** @param scenarioWith loads the scenario to fit (the history preset) with key=value overrides */
    public Calibrator(Function<List<String>, Scenario> scenarioWith, Settings settings) {
        this.scenarioWith = scenarioWith;
        this.settings = settings;
    }

    public Fit run(Consumer<Progress> progress, AtomicBoolean cancel) {
        Scenario start = scenarioWith.apply(List.of());
        int cut = start.run().tickOf(settings.until());
        int last = start.run().months() - 1;
        ObservedRecord observed = new ObservedRecord(start);
        double[] x0 = new double[SPACE.size()];
        // start from the code's documented defaults, not from the current fragment, so that a
        // rerun reproduces the committed values whatever the fragment holds now
        for (int i = 0; i < x0.length; i++) x0[i] = normalize(SPACE.get(i), defaultValue(SPACE.get(i).key()));
        double startLoss = loss(toOverrides(x0), observed, 0, cut, cancel);

        double[] best = x0.clone();
        double[] bestLoss = {startLoss};
        int[] evals = {0};
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            double l = loss(toOverrides(x), observed, 0, cut, cancel);
            evals[0]++;
            if (l < bestLoss[0]) {
                bestLoss[0] = l;
                System.arraycopy(x, 0, best, 0, x.length);
            }
            progress.accept(new Progress(evals[0], settings.budget(), l, bestLoss[0]));
            return l;
        });
        double[] lo = new double[x0.length];
        double[] hi = new double[x0.length];
        double[] sigma = new double[x0.length];
        java.util.Arrays.fill(hi, 1);
        java.util.Arrays.fill(sigma, 0.25);
        int population = 4 + (int) (3 * Math.log(x0.length));
        CMAESOptimizer cma = new CMAESOptimizer(settings.budget(), 0, true, 0, 0,
                new MersenneTwister(settings.seed()), false, null);
        try {
            cma.optimize(new MaxEval(settings.budget()), objective, GoalType.MINIMIZE, new InitialGuess(x0),
                    new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
        } catch (TooManyEvaluationsException budgetSpent) {
            // the budget is the stopping rule: keep the best point seen
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < best.length; i++) values.add(round4(denormalize(SPACE.get(i), best[i])));
        Fit rounded = new Fit(values, startLoss, 0, 0, evals[0]);
        double in = loss(rounded.overrides(), observed, 0, cut, cancel);
        double out = cut < last ? loss(rounded.overrides(), observed, cut + 1, last, cancel) : Double.NaN;
        return new Fit(values, startLoss, in, out, evals[0]);
    }

    private double loss(List<String> overrides, ObservedRecord observed, int from, int to, AtomicBoolean cancel) {
        if (cancel.get()) throw new CancellationException();
        Scenario sc = scenarioWith.apply(overrides);
        EnsembleResult r = new Ensemble(sc).run(settings.replications(), settings.seed(), settings.threads(), done -> { }, cancel);
        return Scoring.monthlyLoss(Forecast.of(r), observed, from, to);
    }

    private static List<String> toOverrides(double[] x) {
        List<String> o = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            o.add(SPACE.get(i).key() + "=" + String.format(Locale.ROOT, "%.12f", denormalize(SPACE.get(i), x[i])));
        }
        return o;
    }

    static double defaultValue(String key) {
        return ((Number) Parameter.byPath(key).defaultValue()).doubleValue();
    }

    private static double normalize(Dimension d, double v) {
        return Math.min(1, Math.max(0, (v - d.lower()) / (d.upper() - d.lower())));
    }

    private static double denormalize(Dimension d, double x) {
        double c = Math.min(1, Math.max(0, x));
        return d.lower() + c * (d.upper() - d.lower());
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
