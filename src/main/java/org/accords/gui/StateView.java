package org.accords.gui;

import java.util.Locale;
import java.util.function.Supplier;
import org.accords.model.AccordsModel;
import org.accords.model.Hazard;
import org.accords.model.StateAgent;
import org.accords.model.WorldPlan;
import org.accords.model.Status;
import org.accords.scenario.Condition;
import org.accords.scenario.Driver;
import org.accords.scenario.ModelParameters;
import org.accords.scenario.Sourced;
import org.accords.scenario.StateSpec;
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
     * thawing, if frozen), or freezing ties for a member. Unmet conditions are in the utility.
     */
    public double hazard() {
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

    /** Whether a stated condition in force is unmet this month, so that it costs utility. */
    public boolean conditionUnmet() {
        return agent().conditionCost() > 0;
    }

    String conditionsText() {
        AccordsModel m = model.get();
        StateAgent a = agent();
        if (a.spec.conditions().isEmpty()) return "none";
        double level = m.parameters().conditionLevel();
        StringBuilder b = new StringBuilder();
        for (Condition c : a.spec.conditions()) {
            double now = m.plan().perceived(c.variable(), m.tick(), index);
            String state = !c.inForce(m.plan().month(m.tick())) ? "not in force"
                    : now >= level ? "met" : String.format(Locale.ROOT, "unmet, %.2f short of %.2f", level - now, level);
            if (b.length() > 0) b.append("; ");
            b.append(String.format(Locale.ROOT, "%s (now %.2f: %s)", c, now, state));
        }
        return b.toString();
    }

    /** The run's first month decides; later roster dates are the record's outcomes and never enter a run. */
    private String relationsText() {
        WorldPlan plan = model.get().plan();
        StateAgent a = agent();
        if (plan.relationsAtStart(a.index)) {
            double y = plan.vintages.use("priorRelations", 0, a.index).value();
            return "since " + (int) y + " (before " + plan.month(0) + ")";
        }
        return a.hasRelations() ? "opened by its join in " + plan.month(a.joinTick()) : "none";
    }

    private ViewProperties rows() {
        ViewProperties p = new ViewProperties(this);
        p.text("id", () -> agent().spec.id(), "ISO-3 code");
        p.text("name", () -> agent().spec.name(), "");
        p.text("blocs", () -> String.join(", ", agent().spec.blocs()), "blocs whose members are this state's peers");
        p.text("relations", this::relationsText,
                "relations with Israel as the model holds them: those of the first month (dated roster), then opened only by the state's own join; a state with relations joins symbolically");
        p.text("month", () -> model.get().plan().month(model.get().tick()).toString(), "the month these values belong to");
        p.text("status", () -> status().name().toLowerCase(Locale.ROOT), "candidate, member, or frozen (joined, then suspended ties)");
        p.text("joined", () -> status() == Status.CANDIDATE ? "-" : agent().joinTick() < 0
                ? "before " + model.get().plan().month(0) : model.get().plan().month(agent().joinTick()).toString(), "month of joining");
        p.number("utility", () -> agent().utility(), "U = sum of the contributions below");
        p.number("hazard", this::hazard, "monthly probability of the next move: join (or thaw) for a candidate (frozen member), freeze for a member");
        p.number("conditionCost", () -> agent().conditionCost(), "cost of the stated conditions unmet this month, c x max(0, x* - variable); part of contribution.cost");
        p.flag("conditionUnmet", this::conditionUnmet, "a stated condition in force is unmet this month, so it costs utility (never a gate)");
        p.text("conditions", this::conditionsText, "stated conditions, each from its dated statement, and the world as this state sees it now");
        p.number("usOffer", () -> agent().offer(), "the US offer on the table (decays each month)");
        for (Driver d : Driver.values()) {
            p.number("driver." + d.key(), () -> agent().driver(d), "raw value of the driver this month");
        }
        for (Driver d : Driver.values()) {
            p.number("contribution." + d.key(), () -> agent().contributions()[d.ordinal()],
                    "weight x driver, signed: what the driver adds to utility this month");
        }
        p.number("contribution.cost", () -> agent().contributions()[StateAgent.COST], "the cost of joining (lower for a symbolic join) plus the cost of unmet conditions");
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
