package org.accords.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated experiment file: a base scenario, fixed overrides, the factors, the design,
 * the replications per point and the outcomes.
 *
 * @param scenario    the base scenario, a preset name or a path (resolved against the file's folder)
 * @param set         fixed key=value overrides applied to every point before the factors
 * @param replications per point; every point runs replications 0 .. R-1 of the same seed (common random numbers)
 * @param sensitivity the designs `accords sensitivity` runs, or null
 */
public record ExperimentSpec(Path file, String name, String title, String description, String scenario,
                             Map<String, String> set, int replications, Long seed, DesignSpec design,
                             List<Factor> factors, List<Outcome> outcomes, SensitivitySpec sensitivity) {
    public ExperimentSpec {
        set = Map.copyOf(set);
        factors = List.copyOf(factors);
        outcomes = List.copyOf(outcomes);
    }

    public enum DesignType { FACTORIAL, LHS, SOBOL, MORRIS, SALTELLI }

    /**
     * @param size   factorial: points per range or distribution factor; lhs and sobol: points;
     *               morris: trajectories; saltelli: base rows N
     * @param levels Morris grid levels (even)
     * @param secondOrder Saltelli with the BA_i rows for second-order indices
     */
    public record DesignSpec(DesignType type, int size, long seed, int levels, boolean secondOrder) {}

    /** Morris and Sobol designs for the sensitivity command; either may be null. */
    public record SensitivitySpec(DesignSpec morris, DesignSpec sobol, int bootstrap) {}

    public ExperimentSpec withDesign(DesignSpec d, String suffix) {
        return new ExperimentSpec(file, name + suffix, title, description, scenario, set, replications, seed, d, factors, outcomes, sensitivity);
    }

    public ExperimentSpec withReplications(int r) {
        return new ExperimentSpec(file, name, title, description, scenario, set, r, seed, design, factors, outcomes, sensitivity);
    }
}
