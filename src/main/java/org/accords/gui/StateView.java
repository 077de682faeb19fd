package org.accords.gui;

import java.util.Locale;
import java.util.function.Supplier;
import org.accords.model.AccordsModel;
import org.accords.model.Hazard;
import org.accords.model.StateAgent;
import org.accords.model.Status;
import org.accords.scenario.Condition;
import org.accords.scenario.Driver;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.Sourced;
import org.accords.scenario.StateSpec;
import org.accords.scenario.WorldVariable;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * One state as the map draws it and its inspector shows it: a read-only view of the agent's
 * public state in the current replication (the model is replaced at each Play, the view stays).
 * Everything the inspector lists is one row in {@link #properties()}.
 */
public final class StateView implements Propertied {
    private final Supplier<AccordsModel> model;
    public final int index;
    private final ViewProperties props;

    StateView(Supplier<AccordsModel> model, int index) {
        this.model = model;
        this.index = index;
        this.props = rows();
    }

    StateAgent agent() { return model.get().agent(index); }

    public String id() { return agent().spec.id(); }

    /** The agent's status; a candidate before the first Play (the model has not started yet). */
    public Status status() {
        Status s = agent().status();
        return s == null ? Status.CANDIDATE : s;
    }

    /**
     * The monthly probability of this state's next move as the model draws it: joining (or
     * thawing, if frozen), or freezing ties for a member; zero for a candidate a condition blocks.
     */
    public double hazard() {
        return status() == Status.CANDIDATE && blockedByCondition() ? 0 : hazardIgnoringConditions();
    }

    /** The hazard that utility alone gives (what an unmet condition takes away). */
    public double hazardIgnoringConditions() {
        StateAgent a = agent();
        ModelParameters p = model.get().parameters();
        return a.status() == Status.MEMBER
                ? Hazard.of(-a.utility(), -p.exitThreshold(), p.temperature(), p.maxHazard())
                : Hazard.of(a.utility(), p.joinThreshold(), p.temperature(), p.maxHazard());
    }

    /** The hazard as a share of the largest possible monthly hazard (h_max), for shading the map. */
    public double relativeHazard() {
        double max = model.get().parameters().maxHazard();
        return max <= 0 ? 0 : Math.min(1, hazard() / max);
    }

    public boolean blockedByCondition() {
        AccordsModel m = model.get();
        return !agent().conditionsMet(m.plan(), m.tick());
    }

    String conditionsText() {
        AccordsModel m = model.get();
        StateAgent a = agent();
        if (a.spec.conditions().isEmpty()) return "none";
        StringBuilder b = new StringBuilder();
        for (Condition c : a.spec.conditions()) {
            double now = c.variable() == WorldVariable.ACCORDS_PRESTIGE ? m.prestige() : m.plan().perceived(c.variable(), m.tick(), index);
            if (b.length() > 0) b.append("; ");
            b.append(String.format(Locale.ROOT, "%s (now %.2f: %s)", c, now, c.isMet(now) ? "met" : "unmet"));
        }
        return b.toString();
    }

    private ViewProperties rows() {
        ViewProperties p = new ViewProperties(this);
        p.text("id", () -> agent().spec.id(), "ISO-3 code");
        p.text("name", () -> agent().spec.name(), "");
        p.text("blocs", () -> String.join(", ", agent().spec.blocs()), "blocs whose members are this state's peers");
        p.text("priorRelations", () -> {
                    double y = model.get().plan().vintages.use("priorRelations", model.get().tick(), agent().index).value();
                    return Double.isNaN(y) ? "none" : String.valueOf((int) y);
                }, "year relations with Israel began, as dated this month; a state with relations can only join symbolically");
        p.text("month", () -> model.get().plan().month(model.get().tick()).toString(), "the month these values belong to");
        p.text("status", () -> status().name().toLowerCase(Locale.ROOT), "candidate, member, or frozen (joined, then suspended ties)");
        p.text("joined", () -> status() == Status.CANDIDATE ? "-" : model.get().plan().month(agent().joinTick()).toString(), "month of joining");
        p.number("utility", () -> agent().utility(), "U = sum of the contributions below");
        p.number("hazard", this::hazard, "monthly probability of the next move: join (or thaw) for a candidate (frozen member), freeze for a member");
        p.number("hazardIgnoringConditions", this::hazardIgnoringConditions, "the hazard that utility alone gives, were no condition unmet");
        p.flag("blockedByCondition", this::blockedByCondition, "a stated condition is unmet this month, so the state cannot join");
        p.text("conditions", this::conditionsText, "stated preconditions and the world as this state sees it now");
        p.number("usOffer", () -> agent().offer(), "the US offer on the table (decays each month)");
        for (Driver d : Driver.values()) {
            p.number("driver." + d.key(), () -> agent().driver(d), "raw value of the driver this month");
        }
        for (Driver d : Driver.values()) {
            p.number("contribution." + d.key(), () -> agent().contributions()[d.ordinal()],
                    "weight x driver, signed: what the driver adds to utility this month");
        }
        p.number("contribution.cost", () -> agent().contributions()[StateAgent.COST], "the cost of joining (lower for a symbolic join)");
        for (String attr : StateSpec.NUMERIC_ATTRIBUTES) {
            p.number("attribute." + attr, () -> model.get().plan().attribute(attr, model.get().tick(), agent().index),
                    "roster value in force this month (the latest measurement dated at or before it)");
            p.text("source." + attr, () -> sourceText(agent().spec.sources().get(attr)), "where the value comes from");
        }
        return p;
    }

    static String sourceText(Sourced s) {
        if (s == null) return "-";
        StringBuilder b = new StringBuilder();
        if (s.source() != null && !s.source().isBlank()) b.append(s.source());
        if (s.rule() != null && !s.rule().isBlank()) b.append(b.length() > 0 ? " | rule: " : "rule: ").append(s.rule());
        if (s.assumption() != null && !s.assumption().isBlank()) b.append(b.length() > 0 ? " | assumption: " : "assumption: ").append(s.assumption());
        return b.length() == 0 ? "-" : b.toString();
    }

    ViewProperties view() { return props; }

    @Override
    public Properties properties() { return props; }

    @Override
    public String toString() { return agent().spec.id() + " " + agent().spec.name(); }
}
