package org.accords.scenario;

/**
 * The US broker.
 *
 * @param offerRate  monthly probability of a new offer at full US engagement (scaled by usEngagement)
 * @param offerSize  size of a new offer, in units of the usRewards driver before usAlignment
 * @param offerDecay share of an offer left after each month
 * @param askShare   share of an offer's value that comes from meeting the state's standing ask
 *                   (a delisting, a territorial recognition, weapons), scaled by the ask's size;
 *                   the rest scales with its security alignment
 * @param capacity   most offers that can be live at once
 */
public record BrokerParameters(double offerRate, double offerSize, double offerDecay, double askShare, int capacity) {
    /**
     * How much of an offer a state values, per unit of offer: a x askSize + (1 - a) x usAlignment,
     * with a = askShare and askSize the size (0-1) of the state's standing ask in force.
     */
    public double receptiveness(double askSize, double usAlignment) {
        return askShare * askSize + (1 - askShare) * usAlignment;
    }
}
