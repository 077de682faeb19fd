package org.accords.scenario;

/** A stated precondition: joining is blocked unless the world variable, as the state sees it, is at least (or at most) the level. */
public record Condition(WorldVariable variable, boolean atLeast, double level) {
    public boolean isMet(double value) {
        return atLeast ? value >= level : value <= level;
    }

    @Override
    public String toString() {
        return variable.key() + (atLeast ? " >= " : " <= ") + level;
    }
}
