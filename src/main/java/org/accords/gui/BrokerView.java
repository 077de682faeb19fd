package org.accords.gui;

import java.util.Locale;
import java.util.function.Supplier;
import org.accords.model.AccordsModel;
import org.accords.model.StateAgent;
import org.accords.model.UsBroker;
import org.accords.scenario.BrokerParameters;
import org.accords.scenario.WorldVariable;
import sim.util.Propertied;
import sim.util.Properties;

/** The US broker as its map tile and inspector show it: its parameters, engagement this month and the live offers. */
public final class BrokerView implements Propertied {
    private final Supplier<AccordsModel> model;
    private final ViewProperties props;
    private int offersMade;
    private String lastOffer = "-";

    BrokerView(Supplier<AccordsModel> model) {
        this.model = model;
        this.props = rows();
    }

    private BrokerParameters params() { return model.get().plan().scenario.us(); }

    /** An offer is live while at least {@link UsBroker#LIVE_SHARE} of a new offer remains (the broker's own rule). */
    public boolean isLive(StateAgent a) {
        return a.offer() > 0 && a.offer() >= UsBroker.LIVE_SHARE * params().offerSize();
    }

    public int liveOffers() {
        int n = 0;
        for (StateAgent a : model.get().agents()) if (isLive(a)) n++;
        return n;
    }

    /** The live offers, largest first: "ARE 0.51; MAR 0.43". */
    public String liveOffersText() {
        StringBuilder b = new StringBuilder();
        java.util.List<StateAgent> live = new java.util.ArrayList<>();
        for (StateAgent a : model.get().agents()) if (isLive(a)) live.add(a);
        live.sort((x, y) -> Double.compare(y.offer(), x.offer()));
        for (StateAgent a : live) {
            if (b.length() > 0) b.append("; ");
            b.append(String.format(Locale.ROOT, "%s %.2f", a.spec.id(), a.offer()));
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    synchronized void offerMade(String month, String stateId) {
        offersMade++;
        lastOffer = month + " to " + stateId;
    }

    synchronized void reset() {
        offersMade = 0;
        lastOffer = "-";
    }

    public synchronized int offersMade() { return offersMade; }

    private synchronized String lastOffer() { return lastOffer; }

    private ViewProperties rows() {
        ViewProperties p = new ViewProperties(this);
        p.text("month", () -> model.get().plan().month(model.get().tick()).toString(), "the month these values belong to");
        p.number("usEngagement", () -> model.get().plan().global(WorldVariable.US_ENGAGEMENT, model.get().tick()),
                "how hard Washington brokers this month; scales the offer rate");
        p.text("liveOffers", this::liveOffersText, "states with an offer on the table and what is left of it");
        p.number("liveOfferCount", () -> (double) liveOffers(), "at most us.capacity offers are live at once");
        p.number("offersMade", () -> (double) offersMade(), "offers made in this replication so far");
        p.text("lastOffer", this::lastOffer, "the latest offer");
        p.number("offerRate", () -> params().offerRate(), "monthly chance of a new offer at usEngagement = 1");
        p.number("offerSize", () -> params().offerSize(), "size of a new offer");
        p.number("offerDecay", () -> params().offerDecay(), "share of an offer left after each month");
        p.number("capacity", () -> (double) params().capacity(), "most offers live at once");
        return p;
    }

    ViewProperties view() { return props; }

    @Override
    public Properties properties() { return props; }

    @Override
    public String toString() { return "US broker"; }
}
