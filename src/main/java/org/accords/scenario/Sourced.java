package org.accords.scenario;

/** Where a roster value comes from: a source and the rule that turned it into a 0-1 value, or an assumption note. */
public record Sourced(String source, String rule, String assumption) {
    public boolean isCited() {
        return hasSourceAndRule() || (assumption != null && !assumption.isBlank());
    }

    /** An assumption rather than a measurement: an assumption note without a source and rule. */
    public boolean isAssumption() {
        return !hasSourceAndRule() && assumption != null && !assumption.isBlank();
    }

    private boolean hasSourceAndRule() {
        return source != null && !source.isBlank() && rule != null && !rule.isBlank();
    }
}
