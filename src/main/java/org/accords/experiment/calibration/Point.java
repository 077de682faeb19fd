package org.accords.experiment.calibration;

/**
 * One evaluated parameter point of a history match.
 *
 * @param x              coordinates in the unit cube (one per dimension of the space)
 * @param mean           per target, the mean output over the point's replications
 * @param variance       per target, Var_ensemble (run-to-run plus Monte Carlo)
 * @param implausibility per target
 * @param summary        the rule's summary of {@code implausibility} (max or second max)
 * @param wave           the wave that evaluated it (1 = the first)
 * @param index          order of evaluation over all waves (0-based)
 */
public record Point(double[] x, double[] mean, double[] variance, double[] implausibility, double summary, int wave, int index) {
    public boolean nonImplausible(double cutoff) { return summary <= cutoff; }
}
