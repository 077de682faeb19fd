package org.accords.experiment.backtest;

import org.accords.model.Status;

/** The one change a state is at risk of, given its standing: a candidate may join, a member freeze, a frozen member thaw. */
public enum Transition {
    JOIN("join"), FREEZE("freeze"), THAW("thaw");

    private final String key;

    Transition(String key) { this.key = key; }

    public String key() { return key; }

    public static Transition atRiskFrom(Status s) {
        return switch (s) {
            case CANDIDATE -> JOIN;
            case MEMBER -> FREEZE;
            case FROZEN -> THAW;
        };
    }
}
