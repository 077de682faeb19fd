package org.accords.experiment;

import java.util.List;
import org.accords.experiment.design.FullFactorial;
import org.accords.experiment.design.LatinHypercube;
import org.accords.experiment.design.MorrisDesign;
import org.accords.experiment.design.SaltelliDesign;
import org.accords.experiment.design.SobolDesign;

/** An experiment's design as unit-cube coordinates, one row per point, from the samplers in {@code design}. */
public final class Designs {
    private Designs() {}

    public static long size(ExperimentSpec spec, ExperimentSpec.DesignSpec d) {
        int dims = spec.factors().size();
        return switch (d.type()) {
            case FACTORIAL -> {
                int[] levels = new int[dims];
                for (int j = 0; j < dims; j++) levels[j] = spec.factors().get(j).factorialLevels(d.size());
                yield FullFactorial.size(levels);
            }
            case LHS, SOBOL -> d.size();
            case MORRIS -> (long) d.size() * (dims + 1);
            case SALTELLI -> (long) d.size() * SaltelliDesign.blockSize(dims, d.secondOrder());
        };
    }

    /** The design matrix: points x factors, in [0, 1]. Sobol-type designs skip {@code seed} points after the zero point. */
    public static double[][] unit(List<Factor> factors, ExperimentSpec.DesignSpec d) {
        int dims = factors.size();
        return switch (d.type()) {
            case FACTORIAL -> {
                int[] levels = new int[dims];
                for (int j = 0; j < dims; j++) levels[j] = factors.get(j).factorialLevels(d.size());
                int[][] idx = FullFactorial.sample(levels);
                double[][] x = new double[idx.length][dims];
                for (int p = 0; p < idx.length; p++) {
                    for (int j = 0; j < dims; j++) x[p][j] = factors.get(j).factorialCoordinate(idx[p][j], levels[j]);
                }
                yield x;
            }
            case LHS -> LatinHypercube.sample(d.size(), dims, d.seed());
            case SOBOL -> SobolDesign.sample(d.size(), dims, (int) Math.min(Integer.MAX_VALUE, d.seed()));
            case MORRIS -> MorrisDesign.sample(d.size(), dims, d.levels(), d.seed());
            case SALTELLI -> SaltelliDesign.sample(d.size(), dims, d.secondOrder(), (int) Math.min(Integer.MAX_VALUE, d.seed()));
        };
    }
}
