package org.accords.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the US could offer a state enters the history only from a date before the deal: the standing
 * ask in force in the month of an observed join must have been stated earlier, so the ask cannot
 * carry the outcome it is used to explain.
 */
class NoLookAheadAsksTest {
    @Test
    void everyAskInForceAtAnObservedJoinWasStatedBeforeIt() {
        Scenario history = new ScenarioLoader(Path.of("scenarios")).load("history");
        for (Observation o : history.observed()) {
            if (o.kind() == Observation.Kind.FREEZE || o.kind() == Observation.Kind.THAW) continue;
            int s = history.indexOf(o.state());
            if (s < 0) continue;
            StandingAsk ask = StandingAsk.at(history.states().get(s).standingAsk(), o.month());
            if (ask == null) continue;
            assertTrue(ask.from().isBefore(o.month()), o.state() + "'s standing ask in force at its " + o.kind().key() + " of "
                    + o.month() + " is dated " + ask.from() + ", not before it");
        }
    }
}
