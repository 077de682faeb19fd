package org.accords.experiment;

/** Probabilities per state and month from some model (the ABM ensemble or a statistical baseline). */
public interface Forecast {
    String name();

    double pJoinedBy(int state, int tick);

    /** P(frozen) where the model has freezes; NaN where it does not. */
    double pFrozen(int state, int tick);

    static Forecast of(EnsembleResult r) {
        return new Forecast() {
            @Override public String name() { return "abm"; }
            @Override public double pJoinedBy(int s, int t) { return r.pJoinedBy(s, t); }
            @Override public double pFrozen(int s, int t) { return r.pFrozen(s, t); }
        };
    }
}
