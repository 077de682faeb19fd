package org.accords.model;

/**
 * A candidate state's standing with the Accords. A frozen member has joined but suspended ties
 * (Bahrain, November 2023). Same order as {@link org.accords.scenario.StartingPoint.Standing}.
 */
public enum Status { CANDIDATE, MEMBER, FROZEN }
