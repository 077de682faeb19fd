package org.accords.experiment.backtest;

import java.time.YearMonth;

/**
 * Persistence plus the training window's event rate: for each kind of change, the share r of
 * state-months at risk of it in which it happened, from the first month of the record to the
 * origin; a state at risk gets P(change within h months) = 1 - (1 - r)^h. With no state-month at
 * risk of a kind in training, its rate is 0 (nothing was seen to happen).
 */
public final class PersistenceWithRate implements EventModel {
    private final double[] rate = new double[Transition.values().length];
    private final long[] atRisk = new long[rate.length];
    private final long[] events = new long[rate.length];

    /** @param first first month of the record; months first .. origin are the training window */
    public PersistenceWithRate(ObservedHistory h, YearMonth first, YearMonth origin) {
        for (YearMonth m = first; !m.isAfter(origin); m = m.plusMonths(1)) {
            for (int s = 0; s < h.states(); s++) {
                int k = Transition.atRiskFrom(h.statusAt(s, m.minusMonths(1))).ordinal();
                atRisk[k]++;
                if (h.changedIn(s, m)) events[k]++;
            }
        }
        for (int k = 0; k < rate.length; k++) rate[k] = atRisk[k] == 0 ? 0 : events[k] / (double) atRisk[k];
    }

    public double monthlyRate(Transition t) { return rate[t.ordinal()]; }

    public long atRisk(Transition t) { return atRisk[t.ordinal()]; }

    public long events(Transition t) { return events[t.ordinal()]; }

    @Override
    public String name() { return "persistence+rate"; }

    @Override
    public double[] forecast(EventWindow w) {
        double[] p = new double[w.items().size()];
        for (int i = 0; i < p.length; i++) p[i] = 1 - Math.pow(1 - rate[w.items().get(i).kind().ordinal()], w.horizon());
        return p;
    }
}
