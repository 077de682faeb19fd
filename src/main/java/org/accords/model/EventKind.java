package org.accords.model;

/** What can happen in a month; every event carries its tick, its subject and the drivers at that moment. */
public enum EventKind {
    JOIN("join"), FREEZE("freeze"), THAW("thaw"), OFFER("offer"), SHOCK_START("shock-start"), SHOCK_END("shock-end");

    private final String key;

    EventKind(String key) { this.key = key; }

    public String key() { return key; }
}
