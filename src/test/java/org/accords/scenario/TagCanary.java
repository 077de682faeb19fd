package org.accords.scenario;

/** Must never be loaded by a scenario file's type tag: its initialiser leaves a trace. */
public final class TagCanary {
    static {
        System.setProperty("accords.test.canary", "instantiated");
    }

    public TagCanary() {}
}
