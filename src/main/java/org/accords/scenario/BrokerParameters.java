package org.accords.scenario;

/**
 * The US broker.
 *
 * @param offerRate  monthly probability of a new offer at full US engagement (scaled by usEngagement)
 * @param offerSize  size of a new offer, in units of the usRewards driver before usAlignment
 * @param offerDecay share of an offer left after each month
 * @param capacity   most offers that can be live at once
 */
public record BrokerParameters(double offerRate, double offerSize, double offerDecay, int capacity) {}
