package org.accords.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Where every state of a scenario stands in a run's first month, and the Accords' prestige then.
 * A run either starts fresh (every state a candidate) or from the observed present: each state as
 * the scenario's observed record leaves it before that month. A candidate that already has
 * relations with Israel would join symbolically.
 *
 * @param standings per state, in the scenario's roster order
 * @param symbolic  per state: it is a candidate whose join would be symbolic (it already has relations with Israel)
 */
public record StartingPoint(YearMonth month, List<Standing> standings, List<Boolean> symbolic, double accordsPrestige) {
    public enum Standing { CANDIDATE, MEMBER, FROZEN }

    public StartingPoint {
        standings = List.copyOf(standings);
        symbolic = List.copyOf(symbolic);
    }

    /** The scenario's own starting point: fresh, or observed at run.start when run.initial is observed. */
    public static StartingPoint of(Scenario sc) {
        return sc.run().initial() == RunSettings.Initial.OBSERVED ? observed(sc, sc.run().start()) : fresh(sc);
    }

    /** Every state a candidate; accordsPrestige at its start value. */
    public static StartingPoint fresh(Scenario sc) {
        List<Standing> standings = new ArrayList<>(Collections.nCopies(sc.states().size(), Standing.CANDIDATE));
        return new StartingPoint(sc.run().start(), standings, symbolic(sc), sc.worldStart(WorldVariable.ACCORDS_PRESTIGE));
    }

    /**
     * Each state as the scenario's observed record stands before {@code month} (events in that month
     * or later are what a forecast from it must predict): its last earlier change of ties decides, a
     * join or a thaw making it a member and a freeze frozen; a state with no earlier change is a
     * candidate. Any other kind of event (a symbolic join: the Accords brand joined by a state that
     * already has ties) changes no status.
     *
     * <p>accordsPrestige replays every earlier event from {@code world.accordsPrestige}, the brand's
     * standing before the record, by the model's rule: a join moves it prestigeGain of the way to 1,
     * a symbolic join (a join by a state that already had relations by the dated roster, or the brand
     * joined by a state with ties) takes prestigeDilution of it away.
     */
    public static StartingPoint observed(Scenario sc, YearMonth month) {
        List<Standing> standings = new ArrayList<>(Collections.nCopies(sc.states().size(), Standing.CANDIDATE));
        double prestige = sc.worldStart(WorldVariable.ACCORDS_PRESTIGE);
        List<Observation> earlier = sc.observed().stream().filter(o -> o.month().isBefore(month))
                .sorted(Comparator.comparing(Observation::month)).toList();
        for (Observation o : earlier) {
            int s = sc.indexOf(o.state());
            switch (o.kind()) {
                case JOIN -> {
                    if (s >= 0) standings.set(s, Standing.MEMBER);
                    // a join by a state that already had relations (by the dated roster, the month before) is symbolic
                    boolean symbolicJoin = s >= 0 && hadRelations(sc.states().get(s), o.month().minusMonths(1));
                    if (symbolicJoin) prestige -= sc.model().prestigeDilution() * prestige;
                    else prestige += sc.model().prestigeGain() * (1 - prestige);
                }
                case THAW -> { if (s >= 0) standings.set(s, Standing.MEMBER); }
                case FREEZE -> { if (s >= 0) standings.set(s, Standing.FROZEN); }
                default -> prestige -= sc.model().prestigeDilution() * prestige;
            }
        }
        List<Boolean> symbolic = new ArrayList<>();
        for (int s = 0; s < standings.size(); s++) symbolic.add(standings.get(s) == Standing.CANDIDATE && hadRelations(sc.states().get(s), month));
        return new StartingPoint(month, standings, symbolic, prestige);
    }

    private static List<Boolean> symbolic(Scenario sc) {
        return sc.states().stream().map(s -> hadRelations(s, sc.run().start())).toList();
    }

    /** Whether the state had relations with Israel in that month, by the dated roster (a join then would be symbolic). */
    private static boolean hadRelations(StateSpec spec, YearMonth month) {
        return !Double.isNaN(spec.valueAt("priorRelations", month).value());
    }

    public Standing standing(int state) { return standings.get(state); }
}
