package org.accords.experiment.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The events to score after an origin: every state is at risk of the one change its observed
 * standing at the origin allows, and the outcome is whether that change happened in the
 * {@code horizon} months after the origin. Scoring events, not cumulative status, keeps old
 * joins from counting as hits again at every later checkpoint.
 */
public record EventWindow(YearMonth origin, int horizon, List<Item> items) {
    public record Item(int state, String id, Transition kind, boolean happened) {}

    public EventWindow {
        items = List.copyOf(items);
    }

    public YearMonth first() { return origin.plusMonths(1); }

    public YearMonth last() { return origin.plusMonths(horizon); }

    public static EventWindow observe(ObservedHistory h, YearMonth origin, int horizon) {
        if (horizon < 1) throw new IllegalArgumentException("horizon must be positive");
        List<Item> items = new ArrayList<>();
        for (int s = 0; s < h.states(); s++) {
            Transition kind = Transition.atRiskFrom(h.statusAt(s, origin));
            items.add(new Item(s, h.id(s), kind, h.firstChange(s, origin, origin.plusMonths(horizon)) != null));
        }
        return new EventWindow(origin, horizon, items);
    }

    public int events() {
        int n = 0;
        for (Item i : items) if (i.happened) n++;
        return n;
    }

    public boolean[] outcomes() {
        boolean[] y = new boolean[items.size()];
        for (int i = 0; i < y.length; i++) y[i] = items.get(i).happened;
        return y;
    }
}
