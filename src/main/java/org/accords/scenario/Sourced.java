package org.accords.scenario;

/** Where a roster value comes from: a source and the rule that turned it into a 0-1 value, or an assumption note. */
public record Sourced(String source, String rule, String assumption) {
    public boolean isCited() {
        return (source != null && !source.isBlank() && rule != null && !rule.isBlank())
                || (assumption != null && !assumption.isBlank());
    }
}
