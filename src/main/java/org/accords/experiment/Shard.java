package org.accords.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One share of a study split N ways: shard K computes the units (replications or design points)
 * u with u mod N = K. Strided rather than blocked so every shard gets an equal mix of early and
 * late units, and a shard's share depends on (K, N) alone, not on the total.
 */
public record Shard(int index, int count) {
    /** The whole study, unsplit. */
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= K < N");
    }

    /** Parses "K/N"; the message of the exception says what is wrong. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2) throw new IllegalArgumentException("'" + text + "' is not K/N (e.g. 3/8)");
        int k, n;
        try {
            k = Integer.parseInt(parts[0].strip());
            n = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not K/N with whole numbers (e.g. 3/8)");
        }
        if (n < 1) throw new IllegalArgumentException("'" + text + "': N must be at least 1");
        if (k < 0 || k >= n) throw new IllegalArgumentException("'" + text + "': K must be 0 to " + (n - 1));
        return new Shard(k, n);
    }

    /** How many of {@code total} units this shard computes. */
    public int size(long total) {
        return total <= index ? 0 : (int) ((total - 1 - index) / count + 1);
    }

    /** The global index of this shard's i-th unit. */
    public long unit(int i) {
        return index + (long) i * count;
    }

    public boolean covers(long unit) {
        return unit % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** A shard as found somewhere (a folder), for messages. */
    public record Found(Shard shard, String where) {}

    /**
     * Why a set of shards does not cover every unit exactly once, in one line; null when it does.
     * All must split the study the same way (the same N), each K must appear once, and none be
     * missing.
     */
    public static String coverageProblem(List<Found> shards, String units) {
        if (shards.isEmpty()) return "no shards given";
        Found first = shards.get(0);
        for (Found f : shards) {
            if (f.shard().count != first.shard().count) {
                return "shards split the " + units + " differently: " + first.where() + " is shard " + first.shard() + " but "
                        + f.where() + " is shard " + f.shard();
            }
        }
        int n = first.shard().count;
        Map<Integer, String> seen = new TreeMap<>();
        for (Found f : shards) {
            String before = seen.putIfAbsent(f.shard().index, f.where());
            if (before != null) return "shard " + f.shard() + " given twice: " + before + " and " + f.where();
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < n; k++) if (!seen.containsKey(k)) missing.add(k);
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing.stream().limit(20).map(String::valueOf).toList()) + (missing.size() > 20 ? ", …" : "");
            return "missing " + (missing.size() == 1 ? "shard " : missing.size() + " shards: ") + list + " of " + n
                    + " (" + units + " ≡ " + list + " mod " + n + " not computed)";
        }
        return null;
    }
}
