package org.accords.experiment;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * differences in the loss come from the parameters, not from sampling noise. The loss is an
 * {@link Objective} over the calibration window (calibrate fits the event log score of yearly
 * windows from the observed standings, the score the backtest reports). Only global parameters
 * are fitted; no state attribute is.
 */
public final class Calibrator {

    /**
     * The calibrated parameters and their bounds: the one place they are declared. The
     * temperature stays fixed, since scaling every weight, cost and threshold together with it
     * leaves the hazard unchanged; the damping, relief, bloc-share and prestige coefficients
     * keep their documented defaults, and so does the level x* at which a stated condition is met
     * (only its cost c is fitted). The exit threshold is searched as its gap below the join
     * threshold, the symbolic-join cost as a share of the substantive one (see ParameterSpace).
     */
    public static final ParameterSpace SPACE = new ParameterSpace()
            .plain("model.weights.iranThreat", 0, 5)
            .plain("model.weights.palestinianPressure", 0, 8)
            .plain("model.weights.economicDiversification", 0, 5)
            .plain("model.weights.usRewards", 0, 8)
            .plain("model.weights.peerInfluence", 0, 8)
            .plain("model.joinThreshold", 0, 6)
            .below("model.exitThreshold", "model.joinThreshold", "exitGap", 0.05, 10)
            .plain("model.maxHazard", 0.05, 0.95)
            .plain("model.joinCost", 0, 4)
            .shareOf("model.symbolicJoinCost", "model.joinCost", "symbolicCostShare")
            .plain("model.gazaAmplification", 0, 6)
            .plain("us.offerRate", 0, 1)
            .plain("us.offerSize", 0, 2)
            .plain("us.askShare", 0, 1)
            .plain("model.conditionCost", 0, 10);

    public record Settings(YearMonth until, int budget, int replications, long seed, int threads) {}

    public record Progress(int evaluation, int budget, double loss, double best) {}

    /**
     * @param values      fitted scenario values by key (SPACE.keys() order), rounded to 4 decimals
     * @param coordinates the best point in SPACE's coordinates
     * @param inSample    monthly loss from the start to the cutoff
     * @param outOfSample monthly loss after the cutoff to the end (NaN if none)
     */
    public record Fit(Map<String, Double> values, double[] coordinates, double startLoss, double inSample, double outOfSample, int evaluations) {
        public List<String> overrides() {
            return SPACE.overrides(values);
        }

        /** Coordinates that ended on a bound of the search (a fit pressed against its limits). */
        public List<String> boundsReached() {
            return SPACE.boundsReached(coordinates);
        }
    }

    private final Function<List<String>, Scenario> scenarioWith;
    private final Settings settings;
    private final Objective objective;

    /** @param scenarioWith loads the scenario to fit (the history preset) with key=value overrides */
    public Calibrator(Function<List<String>, Scenario> scenarioWith, Settings settings, Objective objective) {
        this.scenarioWith = scenarioWith;
        this.settings = settings;
        this.objective = objective;
    }

    /** Fits to {@link Objective#monthlyStatus}, the monthly status loss of one run from the start. */
    public Calibrator(Function<List<String>, Scenario> scenarioWith, Settings settings) {
        this(scenarioWith, settings, Objective.monthlyStatus(settings.replications(), settings.seed(), settings.threads()));
    }

    public Fit run(Consumer<Progress> progress, AtomicBoolean cancel) {
        Scenario start = scenarioWith.apply(List.of());
        YearMonth first = start.run().start();
        YearMonth cut = settings.until();
        YearMonth last = start.run().end();
        // start from the code's documented defaults, not from the current fragment, so that a
        // rerun reproduces the committed values whatever the fragment holds now
        Map<String, Double> defaults = new LinkedHashMap<>();
        for (String key : SPACE.keys()) defaults.put(key, defaultValue(key));
        double[] natural = SPACE.coordinatesOf(defaults);
        double[] x0 = new double[SPACE.size()];
        for (int i = 0; i < x0.length; i++) x0[i] = normalize(SPACE.dimensions().get(i), natural[i]);
        double startLoss = loss(toOverrides(x0), first, cut, cancel);

        double[] best = x0.clone();
        double[] bestLoss = {startLoss};
        int[] evals = {0};
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            double l = loss(toOverrides(x), first, cut, cancel);
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
        double[] coordinates = toCoordinates(best);
        Map<String, Double> values = new LinkedHashMap<>();
        SPACE.values(coordinates).forEach((k, v) -> values.put(k, round4(v)));
        Fit rounded = new Fit(values, coordinates, startLoss, 0, 0, evals[0]);
        double in = loss(rounded.overrides(), first, cut, cancel);
        double out = cut.isBefore(last) ? loss(rounded.overrides(), cut.plusMonths(1), last, cancel) : Double.NaN;
        return new Fit(values, coordinates, startLoss, in, out, evals[0]);
    }

    private double loss(List<String> overrides, YearMonth from, YearMonth to, AtomicBoolean cancel) {
        if (cancel.get()) throw new CancellationException();
        return objective.loss(scenarioWith.apply(overrides), from, to, cancel);
    }

    public Objective objective() { return objective; }

    private static List<String> toOverrides(double[] x) {
        return SPACE.overrides(SPACE.values(toCoordinates(x)));
    }

    /** From the optimizer's unit cube to SPACE's coordinates. */
    private static double[] toCoordinates(double[] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = denormalize(SPACE.dimensions().get(i), x[i]);
        return c;
    }

    static double defaultValue(String key) {
        return ((Number) Parameter.byPath(key).defaultValue()).doubleValue();
    }

    private static double normalize(ParameterSpace.Dimension d, double v) {
        return Math.min(1, Math.max(0, (v - d.lower()) / (d.upper() - d.lower())));
    }

    private static double denormalize(ParameterSpace.Dimension d, double x) {
        double c = Math.min(1, Math.max(0, x));
        return d.lower() + c * (d.upper() - d.lower());
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
