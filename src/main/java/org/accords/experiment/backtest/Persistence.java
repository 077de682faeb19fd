package org.accords.experiment.backtest;

/** Nothing changes: every state keeps its standing at the origin, so every event gets probability 0. */
public final class Persistence implements EventModel {
    @Override
    public String name() { return "persistence"; }

    @Override
    public double[] forecast(EventWindow w) { return new double[w.items().size()]; }
}
