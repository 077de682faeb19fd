package org.accords.model;

/** The discrete-time hazard: h = h_max * sigma((U - theta) / tau) (Berry and Berry event history, logit link). */
public final class Hazard {
    private Hazard() {}

    public static double of(double utility, double threshold, double temperature, double maxHazard) {
        return maxHazard / (1.0 + Math.exp(-(utility - threshold) / temperature));
    }
}
