package org.accords.experiment;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The model behind an experiment, as the design and analysis methods see it: a point of the
 * unit cube in, one value per outcome out. The simulation ({@link ScenarioPointModel}) and the
 * analytic test functions of the sensitivity tests are both behind it.
 */
public interface PointModel {
    List<String> outcomeNames();

    /** @param unit the point's coordinates in [0, 1], one per factor */
    Outcome.Value[] evaluate(int point, double[] unit, AtomicBoolean cancel);
}
