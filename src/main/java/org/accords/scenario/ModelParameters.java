package org.accords.scenario;

/**
 * Global decision parameters, the same for every state (only these are calibrated).
 *
 * @param joinThreshold      theta_join: utility at which the join hazard is half its maximum
 * @param exitThreshold      theta_exit (below theta_join): members freeze ties below it
 * @param temperature        tau: how sharply the hazard rises around a threshold
 * @param maxHazard          h_max: the largest monthly probability of joining, freezing or thawing
 * @param joinCost           cost of a substantive join (no prior relations with Israel)
 * @param symbolicJoinCost   cost of joining for a state that already has relations
 * @param insulationDamping  k: how far regime insulation shields a government from opinion
 * @param gazaAmplification  g: how much war in Gaza multiplies public pressure
 * @param statehoodRelief    s: how much a credible statehood path relieves pressure
 * @param blocPeerShare      weight of a state's bloc peers (vs all candidates) in peer influence
 * @param prestigeGain       share of the gap to 1 that a substantive join adds to accordsPrestige
 * @param prestigeDilution   share of accordsPrestige that a symbolic join takes away
 * @param conditionCost      c: utility cost per unit by which a stated condition's variable falls short of x*
 * @param conditionLevel     x*: the level at which a stated condition counts as met (no cost)
 */
public record ModelParameters(Weights weights, double joinThreshold, double exitThreshold, double temperature,
                              double maxHazard, double joinCost, double symbolicJoinCost,
                              double insulationDamping, double gazaAmplification, double statehoodRelief,
                              double blocPeerShare, double prestigeGain, double prestigeDilution,
                              double conditionCost, double conditionLevel) {}
