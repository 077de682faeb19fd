package org.accords.experiment;

import java.util.ArrayList;
import java.util.List;
import org.accords.model.WorldPlan;
import org.accords.scenario.Driver;
import org.accords.scenario.Scenario;
import org.accords.scenario.WorldVariable;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.FastMath;

/**
 * The standard statistical baseline (Berry and Berry event-history analysis): a discrete-time
 * logistic hazard of joining, fitted on the state-months at risk in the calibration window, on
 * the same state attributes and the same exogenous, time-varying world the ABM sees (the
 * scenario's shocks as each state perceives them). No peer term: it forecasts from the start
 * without seeing later joins, like the ABM. A ridge penalty keeps the fit finite with few events
 * (4 joins in 2020-2022 would otherwise separate perfectly). Fitted by Newton-Raphson
 * (iteratively reweighted least squares) with commons-math3's linear algebra.
 */
public final class LogisticHazardModel implements Forecast {
    public static final List<String> COVARIATES = List.of("intercept", "iranThreat", "publicOpposition", "regimeInsulation",
            "gazaConflict", "statehoodPath", "israelThreat", "diversificationNeed", "usAlignment", "usRewardsOffered",
            "usEngagement", "priorRelations");
    /** Ridge penalty on every coefficient but the intercept. */
    public static final double RIDGE = 1.0;
    /** A faint penalty on the intercept: with no event in the window it stays finite (a tiny hazard) instead of diverging. */
    static final double INTERCEPT_RIDGE = 1e-3;

    private final double[] beta;
    /** [s * months + t] cumulative P(joined by t). */
    private final double[] joinedBy;
    private final int months;

    private LogisticHazardModel(WorldPlan plan, double[] beta) {
        this.beta = beta;
        this.months = plan.months;
        int n = plan.stateCount;
        joinedBy = new double[n * months];
        for (int s = 0; s < n; s++) {
            double survive = 1;
            for (int t = 0; t < months; t++) {
                survive *= 1 - hazard(covariates(plan, s, t, plan.relationsAtStart(s)));
                joinedBy[s * months + t] = 1 - survive;
            }
        }
    }

    /** Fits on the observed state-months at risk from the start to {@code lastTick} inclusive. */
    public static LogisticHazardModel fit(Scenario sc, ObservedRecord observed, int lastTick) {
        WorldPlan plan = new WorldPlan(sc);
        List<double[]> rows = new ArrayList<>();
        List<Double> events = new ArrayList<>();
        for (int s = 0; s < plan.stateCount; s++) {
            for (int t = 0; t <= lastTick && t < plan.months; t++) {
                boolean joinsNow = observed.joinTick(s) == t;
                if (t > 0 && observed.joinedBy(s, t - 1)) break; // no longer at risk
                // relations as of the start, as in the forecast: the roster dates them by the join itself
                rows.add(covariates(plan, s, t, plan.relationsAtStart(s)));
                events.add(joinsNow ? 1.0 : 0.0);
            }
        }
        return new LogisticHazardModel(plan, newton(rows, events));
    }

    /**
     * The covariates of state s in month t. {@code relations}: whether it had relations with Israel
     * as known before month t (at the start or the forecast origin, or the month before in a
     * training row), never the roster's value in month t itself: the roster dates relations by the
     * join, so that value would be the outcome being modelled.
     */
    public static double[] covariates(WorldPlan plan, int s, int t, boolean relations) {
        // the roster's attributes as dated in month t (the same information the ABM has)
        return new double[] {
            1,
            plan.attribute("iranExposure", t, s) * plan.perceived(WorldVariable.IRAN_AGGRESSION, t, s) + plan.driverShift(Driver.IRAN_THREAT, t, s),
            plan.attribute("publicOpposition", t, s),
            plan.attribute("regimeInsulation", t, s),
            plan.perceived(WorldVariable.GAZA_CONFLICT, t, s),
            plan.perceived(WorldVariable.STATEHOOD_PATH, t, s),
            plan.perceived(WorldVariable.ISRAEL_THREAT, t, s),
            plan.attribute("diversificationNeed", t, s),
            plan.attribute("usAlignment", t, s),
            plan.driverShift(Driver.US_REWARDS, t, s),
            plan.global(WorldVariable.US_ENGAGEMENT, t),
            relations ? 1 : 0
        };
    }

    private static double[] newton(List<double[]> rows, List<Double> y) {
        double[] events = new double[y.size()];
        for (int i = 0; i < events.length; i++) events[i] = y.get(i);
        return fitRidge(rows, events, RIDGE, null);
    }

    /**
     * Penalised maximum likelihood by Newton-Raphson: ridge {@code ridge} on every coefficient but
     * the intercept (column 0), {@link #INTERCEPT_RIDGE} on the intercept.
     *
     * @param start starting coefficients (a warm start), or null for a rare-event start
     */
    public static double[] fitRidge(List<double[]> rows, double[] y, double ridge, double[] start) {
        int k = rows.isEmpty() ? COVARIATES.size() : rows.get(0).length;
        double[] beta = start != null ? start.clone() : new double[k];
        if (start == null) beta[0] = -5; // a rare event: start near a low base rate
        double[][] hessian = new double[k][k];
        double[] gradient = new double[k];
        for (int iter = 0; iter < 100; iter++) {
            for (double[] row : hessian) java.util.Arrays.fill(row, 0);
            java.util.Arrays.fill(gradient, 0);
            for (int i = 0; i < rows.size(); i++) {
                double[] x = rows.get(i);
                double z = 0;
                for (int a = 0; a < k; a++) z += x[a] * beta[a];
                double p = sigmoid(z);
                double w = p * (1 - p);
                double r = y[i] - p;
                for (int a = 0; a < k; a++) {
                    if (x[a] == 0) continue;
                    gradient[a] += r * x[a];
                    double wa = w * x[a];
                    for (int b = a; b < k; b++) hessian[a][b] += wa * x[b];
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) hessian[a][b] = hessian[b][a];
                double penalty = a == 0 ? INTERCEPT_RIDGE : ridge;
                gradient[a] -= penalty * beta[a];
                hessian[a][a] += penalty;
            }
            RealVector step = new LUDecomposition(new Array2DRowRealMatrix(hessian, false)).getSolver().solve(new ArrayRealVector(gradient, false));
            double largest = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += step.getEntry(a);
                largest = Math.max(largest, Math.abs(step.getEntry(a)));
            }
            if (largest < 1e-10) break;
        }
        return beta;
    }

    /** Monthly hazard sigma(x . beta). */
    public static double hazard(double[] beta, double[] x) {
        double z = 0;
        for (int i = 0; i < x.length; i++) z += beta[i] * x[i];
        return sigmoid(z);
    }

    private double hazard(double[] x) {
        return hazard(beta, x);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + FastMath.exp(-z));
    }

    public double[] coefficients() { return beta.clone(); }

    @Override
    public String name() { return "logistic"; }

    @Override
    public double pJoinedBy(int s, int t) { return joinedBy[s * months + t]; }

    @Override
    public double pFrozen(int s, int t) { return Double.NaN; }
}
