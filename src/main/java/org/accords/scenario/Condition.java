package org.accords.scenario;

import java.time.YearMonth;

/**
 * A stated condition for normalization (e.g. a path to a Palestinian state), in force from the month
 * of its dated statement to {@code until} (inclusive; null while it stands). Its level and its cost
 * are global (model.conditionLevel, model.conditionCost): every state's condition follows one rule,
 * a monthly utility cost c x max(0, x* - variable).
 */
public record Condition(WorldVariable variable, YearMonth from, YearMonth until) {
    public Condition {
        // the brand moves with the joins themselves, so a cost on it could not be precomputed per scenario
        if (variable == WorldVariable.ACCORDS_PRESTIGE) throw new IllegalArgumentException("a condition on accordsPrestige");
    }

    public boolean inForce(YearMonth month) {
        return !month.isBefore(from) && (until == null || !month.isAfter(until));
    }

    @Override
    public String toString() {
        return variable.key() + " from " + from + (until == null ? "" : " until " + until);
    }
}
