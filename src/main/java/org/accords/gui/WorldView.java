package org.accords.gui;

import java.util.function.Supplier;
import org.accords.model.AccordsModel;
import org.accords.scenario.WorldVariable;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * The world this month, as its map tile and inspector show it: each world variable with only the
 * shocks that target every state (a state's own view, with targeted shocks, is in its drivers),
 * and the Accords' prestige as the joins so far have moved it.
 */
public final class WorldView implements Propertied {
    private final Supplier<AccordsModel> model;
    private final ViewProperties props;

    WorldView(Supplier<AccordsModel> model) {
        this.model = model;
        ViewProperties p = new ViewProperties(this);
        p.text("month", () -> model.get().plan().month(model.get().tick()).toString(), "the month these values belong to");
        for (WorldVariable v : WorldVariable.values()) {
            p.number(v.key(), () -> value(v), v.description());
        }
        this.props = p;
    }

    /** The variable this month; accordsPrestige as the joins have moved it. */
    public double value(WorldVariable v) {
        AccordsModel m = model.get();
        return v == WorldVariable.ACCORDS_PRESTIGE ? m.prestige() : m.plan().global(v, m.tick());
    }

    ViewProperties view() { return props; }

    @Override
    public Properties properties() { return props; }

    @Override
    public String toString() { return "World"; }
}
