package org.accords.experiment;

import org.accords.model.EventKind;

/**
 * One event of replication 0, with the state's drivers and utility at that moment.
 *
 * @param subject      state id, or shock id for shock events
 * @param drivers      raw driver values by Driver ordinal (empty for shock events)
 * @param contributions signed contributions to utility, then the cost (empty for shock events)
 */
public record TraceEvent(int tick, EventKind kind, String subject, double[] drivers, double[] contributions, double utility) {}
