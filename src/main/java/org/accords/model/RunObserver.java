package org.accords.model;

/**
 * Receives what happens in one replication. The model calls it synchronously and allocates
 * nothing for it, so an ensemble can stream results without storing runs.
 */
public interface RunObserver {
    /**
     * @param subject state index for join/freeze/thaw/offer, shock index for shock events
     * @param agent   the state (drivers and contributions as they stand), or null for shock events
     */
    default void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {}

    /** Called once the replication is set up, before the first month: the states' starting statuses are in place. */
    default void onRunStart(AccordsModel model) {}

    /** Called once per month after all states have decided. */
    default void onMonth(int tick, AccordsModel model) {}

    /** Called after the last month. */
    default void onRunEnd(AccordsModel model) {}

    RunObserver NONE = new RunObserver() {};
}
