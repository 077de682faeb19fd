package org.accords.experiment.backtest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.accords.model.Status;
import org.accords.scenario.Observation;

/**
 * Each state's observed standing month by month, from an observed record, for any month (not
 * only inside a run): a join or a thaw makes a state a member, a freeze makes it frozen. The
 * kind of a change is read from the standings, so a "join" by a frozen member counts as a thaw.
 */
public final class ObservedHistory {
    private record Change(YearMonth month, Status after) {}

    private final List<String> ids;
    private final List<List<Change>> changes = new ArrayList<>();

    public ObservedHistory(List<String> stateIds, List<Observation> observed) {
        this.ids = List.copyOf(stateIds);
        for (int s = 0; s < ids.size(); s++) changes.add(new ArrayList<>());
        // stable sort: events of one month keep their file order
        for (Observation o : observed.stream().sorted(Comparator.comparing(Observation::month)).toList()) {
            int s = ids.indexOf(o.state());
            if (s < 0 || !o.changesStatus()) continue; // a symbolic join changes no ties
            Status after = o.kind() == Observation.Kind.FREEZE ? Status.FROZEN : Status.MEMBER;
            changes.get(s).add(new Change(o.month(), after));
        }
    }

    public int states() { return ids.size(); }

    public String id(int s) { return ids.get(s); }

    /** Standing at the end of month {@code m} (after that month's events). */
    public Status statusAt(int s, YearMonth m) {
        Status st = Status.CANDIDATE;
        for (Change c : changes.get(s)) {
            if (c.month.isAfter(m)) break;
            st = c.after;
        }
        return st;
    }

    /** The first month in (from, to] in which the standing differs from the month before, or null. */
    public YearMonth firstChange(int s, YearMonth from, YearMonth to) {
        Status before = statusAt(s, from);
        for (Change c : changes.get(s)) {
            if (!c.month.isAfter(from)) continue;
            if (c.month.isAfter(to)) return null;
            Status now = statusAt(s, c.month);
            if (now != before) return c.month;
        }
        return null;
    }

    /** Whether the standing changed in month {@code m} (end of m differs from end of m - 1). */
    public boolean changedIn(int s, YearMonth m) {
        return statusAt(s, m) != statusAt(s, m.minusMonths(1));
    }
}
