package org.accords.experiment.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.accords.model.WorldPlan;
import org.accords.scenario.Scenario;

/**
 * Rolling-origin evaluation: at each origin, every model forecasts the events of the next
 * {@code h} months from what was known at the origin (the observed standings then, the record up
 * to it), and each forecast is scored event by event against what happened. The statistical
 * competitors are fitted on the record up to the origin, so they are always out of sample; the
 * ABM is out of sample only where its parameters were fitted through a month before the origin.
 */
public final class RollingOrigins {
    public static final List<YearMonth> DEFAULT_ORIGINS = List.of(YearMonth.of(1999, 12), YearMonth.of(2008, 6),
            YearMonth.of(2012, 12), YearMonth.of(2019, 12), YearMonth.of(2022, 12), YearMonth.of(2023, 9));
    public static final List<Integer> DEFAULT_HORIZONS = List.of(12, 36);
    public static final List<String> MODELS = List.of("abm", "persistence", "persistence+rate", "logistic (CV)");
    /** The aim's question: P(at least this many joins in the 12 months after the 2019-12 origin). */
    public static final YearMonth AIM_ORIGIN = YearMonth.of(2019, 12);
    public static final int AIM_JOINS = 3;

    /**
     * @param abmScenario   the scenario to run from an origin: starts at origin + 1 from the observed
     *                      standings, lasts the given number of months, with the parameters to score
     * @param fittedThrough the last month of the record the ABM's parameters were fitted to, per
     *                      origin (null: unknown, counted as in sample)
     * @param sets          a parameter ensemble the ABM's replications are spread over (set k mod K), or null
     * @param held          keys that keep the scenario's value in every set
     */
    public record Settings(List<YearMonth> origins, List<Integer> horizons, int replications, long seed,
                           OriginScenario abmScenario, Function<YearMonth, YearMonth> fittedThrough,
                           org.accords.scenario.ParameterSets sets, java.util.Set<String> held) {
        /** The ABM at the scenario's own parameters (one point). */
        public Settings(List<YearMonth> origins, List<Integer> horizons, int replications, long seed,
                        OriginScenario abmScenario, Function<YearMonth, YearMonth> fittedThrough) {
            this(origins, horizons, replications, seed, abmScenario, fittedThrough, null, java.util.Set.of());
        }
    }

    @FunctionalInterface
    public interface OriginScenario {
        Scenario at(YearMonth origin, int months);
    }

    public enum Sample { IN, OUT }

    public record ModelScore(String model, Sample sample, double[] p, double[] brier, double[] log,
                             Bootstrap.Interval brierInterval, Bootstrap.Interval logInterval) {}

    public record WindowScore(EventWindow window, YearMonth abmFittedThrough, List<ModelScore> models) {
        public ModelScore model(String name) {
            for (ModelScore m : models) if (m.model().equals(name)) return m;
            throw new IllegalArgumentException(name);
        }
    }

    public record Skipped(YearMonth origin, int horizon, String reason) {}

    /** Pooled over the scored windows of one horizon: mean scores and the ABM's difference from each model (ABM minus model). */
    public record Summary(int horizon, String windows, String model, String sample, int items, int events, Bootstrap.Interval brier,
                          Bootstrap.Interval log, Bootstrap.Interval abmMinusBrier, Bootstrap.Interval abmMinusLog) {}

    /** The pooled windows' label for one model: IN or OUT when all agree, IN+OUT when they mix. */
    static String pooledSample(List<WindowScore> ws, String model) {
        return ws.stream().map(w -> w.model(model).sample()).distinct().sorted().map(Sample::name)
                .collect(java.util.stream.Collectors.joining("+"));
    }

    /** The aim from origin 2019-12: P(at least three joins in 2020), null if that origin was not run. */
    public record Aim(Double pThreeJoins, int observedJoins, Sample sample) {}

    public record Result(Scenario scenario, List<WindowScore> windows, List<Skipped> skipped, List<Summary> summary, Aim aim) {}

    private RollingOrigins() {}

    public static Result run(Scenario record, Settings settings) {
        ObservedHistory history = new ObservedHistory(record.states().stream().map(s -> s.id()).toList(), record.observed());
        WorldPlan plan = new WorldPlan(record);
        YearMonth start = record.run().start();
        YearMonth end = record.run().end();
        List<WindowScore> windows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Aim aim = null;
        for (YearMonth origin : settings.origins()) {
            if (origin.isBefore(start.minusMonths(1))) {
                for (int h : settings.horizons()) skipped.add(new Skipped(origin, h, "origin before the record starts (" + start + ")"));
                continue;
            }
            List<Integer> horizons = new ArrayList<>();
            for (int h : settings.horizons()) {
                if (origin.plusMonths(h).isAfter(end)) skipped.add(new Skipped(origin, h, "window ends " + origin.plusMonths(h) + ", after the record (" + end + ")"));
                else horizons.add(h);
            }
            if (horizons.isEmpty()) continue;
            int longest = horizons.stream().mapToInt(Integer::intValue).max().getAsInt();
            YearMonth fitted = settings.fittedThrough().apply(origin);
            Sample abmSample = fitted != null && !origin.isBefore(fitted) ? Sample.OUT : Sample.IN;
            Scenario fromOrigin;
            try {
                fromOrigin = settings.abmScenario().at(origin, longest);
            } catch (org.accords.scenario.BadInputException e) {
                for (int h : horizons) skipped.add(new Skipped(origin, h, "the ABM cannot start from this origin: " + e.getMessage()));
                continue;
            }
            AbmEvents abm = new AbmEvents(fromOrigin, settings.sets(), settings.held(), settings.replications(), settings.seed());
            List<EventModel> competitors = List.of(new Persistence(), new PersistenceWithRate(history, start, origin),
                    new LogisticEvents(plan, history, origin));
            for (int h : horizons) {
                EventWindow w = EventWindow.observe(history, origin, h);
                List<ModelScore> scores = new ArrayList<>();
                scores.add(score(abm, abmSample, w));
                for (EventModel m : competitors) scores.add(score(m, Sample.OUT, w));
                windows.add(new WindowScore(w, fitted, scores));
                if (origin.equals(AIM_ORIGIN) && h == 12) {
                    int joins = 0;
                    for (EventWindow.Item i : w.items()) if (i.happened() && i.kind() == Transition.JOIN) joins++;
                    aim = new Aim(abm.pJoinsAtLeast(AIM_JOINS, 12), joins, abmSample);
                }
            }
        }
        return new Result(record, windows, skipped, summarise(windows, settings.horizons(), record.states().size()), aim);
    }

    static ModelScore score(EventModel m, Sample sample, EventWindow w) {
        double[] p = m.forecast(w);
        double[] b = EventScores.brier(p, w.outcomes());
        double[] l = EventScores.log(p, w.outcomes());
        return new ModelScore(m.name(), sample, p, b, l, Bootstrap.mean(b), Bootstrap.mean(l));
    }

    /** Per horizon: over all scored windows, and over those where the ABM is out of sample. */
    static List<Summary> summarise(List<WindowScore> windows, List<Integer> horizons, int states) {
        List<Summary> out = new ArrayList<>();
        for (int h : horizons) {
            for (boolean outOnly : new boolean[] {false, true}) {
                List<WindowScore> ws = windows.stream().filter(w -> w.window().horizon() == h)
                        .filter(w -> !outOnly || w.model("abm").sample() == Sample.OUT).toList();
                if (ws.isEmpty()) continue;
                int[] cluster = ws.stream().flatMap(w -> w.window().items().stream()).mapToInt(EventWindow.Item::state).toArray();
                int events = ws.stream().mapToInt(w -> w.window().events()).sum();
                double[] abmB = pooled(ws, "abm", true);
                double[] abmL = pooled(ws, "abm", false);
                for (String name : MODELS) {
                    double[] b = pooled(ws, name, true);
                    double[] l = pooled(ws, name, false);
                    out.add(new Summary(h, outOnly ? "ABM out of sample" : "all", name, pooledSample(ws, name), b.length, events,
                            Bootstrap.mean(b, cluster), Bootstrap.mean(l, cluster),
                            Bootstrap.mean(minus(abmB, b), cluster), Bootstrap.mean(minus(abmL, l), cluster)));
                }
            }
        }
        return out;
    }

    private static double[] pooled(List<WindowScore> ws, String model, boolean brier) {
        return ws.stream().flatMapToDouble(w -> java.util.Arrays.stream(brier ? w.model(model).brier() : w.model(model).log())).toArray();
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return d;
    }
}
