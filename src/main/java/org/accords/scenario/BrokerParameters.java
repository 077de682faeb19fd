package org.accords.scenario;

/**
 * The US broker.
 *
 * @param offerRate  monthly probability of a new offer at full US engagement (scaled by usEngagement)
 * @param offerSize  size of a new offer, in units of the usRewards driver before usAlignment
 * @param offerDecay share of an offer left after each month
 * @param rewardFloor share of an offer's value that does not depend on usAlignment: an offer
 *                   tailored to a state's own priority (a delisting, a territorial recognition)
 *                   is worth something even to a state with little security dependence
 * @param capacity   most offers that can be live at once
 */
public record BrokerParameters(double offerRate, double offerSize, double offerDecay, double rewardFloor, int capacity) {
    /** How much of an offer a state with this usAlignment values: f + (1 - f) x usAlignment. */
    public double receptiveness(double usAlignment) {
        return rewardFloor + (1 - rewardFloor) * usAlignment;
    }
}
