package org.accords.experiment.backtest;

/** A forecaster of the events in a window after an origin, fitted (if at all) on the record up to that origin. */
public interface EventModel {
    String name();

    /** P(each item's change happens inside the window), in the window's item order. */
    double[] forecast(EventWindow w);
}
