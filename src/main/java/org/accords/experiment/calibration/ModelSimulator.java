package org.accords.experiment.calibration;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accords.experiment.Calibrator;
import org.accords.experiment.ParameterSpace;
import org.accords.experiment.Seeds;
import org.accords.model.AccordsModel;
import org.accords.model.WorldPlan;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.Scenario;

/**
 * The ABM behind {@link HistoryMatching.Simulator}: a point of the unit cube is a parameter set
 * of the calibration space ({@link Calibrator#SPACE}, the one definition of the fitted keys, their
 * bounds and the orders they keep), run R times in every window of the record up to the cutoff
 * ({@link WindowTargets}), each from the observed standings at the window's start, with the same
 * seeds at every point (common random numbers). The windows partition the record, so a point costs
 * what one run of the whole record costs.
 */
public final class ModelSimulator implements HistoryMatching.Simulator {
    private final WindowTargets targets;
    private final List<Scenario> windows;
    private final WorldPlan[] plans;
    private final int replications;
    private final long seed;

    public ModelSimulator(Scenario history, YearMonth cutoff, int replications, long seed) {
        this.targets = new WindowTargets(history, cutoff);
        this.windows = targets.windows();
        this.plans = new WorldPlan[windows.size()];
        for (int w = 0; w < plans.length; w++) plans[w] = new WorldPlan(windows.get(w));
        this.replications = replications;
        this.seed = seed;
    }

    public WindowTargets targets() { return targets; }

    public static int dimension() { return Calibrator.SPACE.size(); }

    /**
     * The scenario values at a point of the unit cube (one coordinate per dimension of the space,
     * between its bounds; keys derived as the space defines them), rounded to 4 decimals as they
     * are written.
     */
    public static Map<String, Double> values(double[] x) {
        List<ParameterSpace.Dimension> dims = Calibrator.SPACE.dimensions();
        double[] c = new double[dims.size()];
        for (int d = 0; d < c.length; d++) {
            double u = Math.min(1, Math.max(0, x[d]));
            c[d] = dims.get(d).lower() + u * (dims.get(d).upper() - dims.get(d).lower());
        }
        Map<String, Double> v = new LinkedHashMap<>();
        Calibrator.SPACE.values(c).forEach((k, value) -> v.put(k, Math.round(value * 10000) / 10000.0));
        return v;
    }

    @Override
    public HistoryMatching.Output run(double[] x) {
        Map<String, Double> values = values(x);
        WindowTargets.Recorder recorder = targets.recorder();
        for (int w = 0; w < plans.length; w++) {
            AccordsModel model = new AccordsModel(plans[w].withParameters(ParameterSets.withValues(windows.get(w), values)));
            recorder.window(w);
            for (int k = 0; k < replications; k++) model.runReplication(Seeds.forReplication(seed, k), recorder);
        }
        return recorder.output();
    }
}
