package org.accords.experiment;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.accords.TestScenarios;
import org.accords.scenario.Scenario;

/** Small random scenarios (random weights, thresholds, conditions, shocks and targets) from a fixed seed. */
final class RandomScenarios {
    private static final String[] BLOCS = {"X", "Y", "Z"};
    private static final String[] VARIABLES = {"iranAggression", "gazaConflict", "statehoodPath", "usEngagement", "israelThreat"};
    private static final String[] EFFECTS = {"iranThreat", "palestinianPressure", "economicDiversification", "usRewards", "peerInfluence",
            "world.iranAggression", "world.gazaConflict", "world.statehoodPath", "world.usEngagement", "world.israelThreat", "world.accordsPrestige"};

    private RandomScenarios() {}

    private static String n(double x) { return String.format(Locale.ROOT, "%.2f", x); }

    static Scenario generate(long seed, Path dir) {
        Random r = new Random(seed);
        int states = 2 + r.nextInt(5);
        List<TestScenarios.State> roster = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> blocs = new LinkedHashSet<>();
        for (int i = 0; i < states; i++) {
            String id = "S" + (char) ('A' + i) + (char) ('A' + r.nextInt(26));
            ids.add(id);
            String b1 = BLOCS[r.nextInt(3)];
            TestScenarios.State s = state(id).attrs(d2(r), d2(r), d2(r), d2(r), d2(r));
            if (r.nextBoolean()) {
                String b2 = BLOCS[r.nextInt(3)];
                s.blocs(b1.equals(b2) ? new String[] {b1} : new String[] {b1, b2});
                blocs.add(b2);
            } else {
                s.blocs(b1);
            }
            blocs.add(b1);
            if (r.nextInt(4) == 0) s.prior(1990);
            if (r.nextInt(3) == 0) {
                String v = VARIABLES[r.nextInt(VARIABLES.length)];
                String from = java.time.YearMonth.parse("2019-06").plusMonths(r.nextInt(24)).toString();
                if (r.nextBoolean()) s.condition(v, from);
                else s.condition(v, from, java.time.YearMonth.parse(from).plusMonths(r.nextInt(12)).toString());
            }
            if (r.nextInt(3) == 0) {
                s.ask(java.time.YearMonth.parse("2019-06").plusMonths(r.nextInt(20)).toString(), "arms", d2(r));
                if (r.nextBoolean()) s.ask("2021-03", "trade", d2(r));
            } else if (r.nextInt(4) == 0) {
                s.noAsk();
            }
            roster.add(s);
        }
        int months = 12 + r.nextInt(25);
        double join = -1 + 3 * r.nextDouble();
        TestScenarios.Spec spec = scenario(roster.toArray(new TestScenarios.State[0]))
                .set("name", "random-" + seed)
                .set("run.start", "2020-01").set("run.end", java.time.YearMonth.parse("2020-01").plusMonths(months - 1))
                .set("run.seed", seed)
                .set("model.weights.iranThreat", n(3 * r.nextDouble())).set("model.weights.palestinianPressure", n(3 * r.nextDouble()))
                .set("model.weights.economicDiversification", n(3 * r.nextDouble())).set("model.weights.usRewards", n(3 * r.nextDouble()))
                .set("model.weights.peerInfluence", n(3 * r.nextDouble()))
                .set("model.joinThreshold", n(join)).set("model.exitThreshold", n(join - 0.1 - 2 * r.nextDouble()))
                .set("model.temperature", n(0.05 + r.nextDouble())).set("model.maxHazard", n(0.05 + 0.95 * r.nextDouble()))
                .set("model.joinCost", n(r.nextDouble())).set("model.symbolicJoinCost", n(0.5 * r.nextDouble()))
                .set("model.insulationDamping", r2(r)).set("model.gazaAmplification", n(2 * r.nextDouble()))
                .set("model.statehoodRelief", r2(r)).set("model.blocPeerShare", r2(r))
                .set("model.prestigeGain", n(0.3 * r.nextDouble())).set("model.prestigeDilution", n(0.3 * r.nextDouble()))
                .set("model.conditionCost", n(3 * r.nextDouble())).set("model.conditionLevel", r2(r))
                .set("us.offerRate", r2(r)).set("us.offerSize", n(1.5 * r.nextDouble())).set("us.offerDecay", r2(r))
                .set("us.askShare", r2(r)).set("us.capacity", r.nextInt(4));
        for (String v : VARIABLES) spec.set("world." + v, r2(r));
        spec.set("world.accordsPrestige", r2(r));
        int shocks = r.nextInt(4);
        for (int k = 0; k < shocks; k++) {
            int start = r.nextInt(months);
            int end = start + r.nextInt(months - start);
            String target = switch (r.nextInt(3)) {
                case 0 -> "all";
                case 1 -> "'bloc:" + new ArrayList<>(blocs).get(r.nextInt(blocs.size())) + "'";
                default -> {
                    List<String> pick = new ArrayList<>();
                    for (String id : ids) if (r.nextBoolean()) pick.add(id);
                    if (pick.isEmpty()) pick.add(ids.get(0));
                    yield "[" + String.join(", ", pick) + "]";
                }
            };
            Set<String> keys = new LinkedHashSet<>();
            int effects = 1 + r.nextInt(3);
            while (keys.size() < effects) keys.add(EFFECTS[r.nextInt(EFFECTS.length)]);
            // usEngagement is how hard Washington courts everyone or a bloc: a shock on a list of states may not move it
            if (!target.equals("all") && !target.startsWith("bloc:") && keys.remove("world.usEngagement")) keys.add("world.iranAggression");
            List<String> eff = new ArrayList<>();
            for (String key : keys) {
                double a = -2 + 4 * r.nextDouble();
                if (Math.abs(a) < 0.05) a = 0.5;
                eff.add(key + ": " + n(a));
            }
            spec.shock("{id: shock" + k + ", start: " + java.time.YearMonth.parse("2020-01").plusMonths(start)
                    + ", end: " + java.time.YearMonth.parse("2020-01").plusMonths(end)
                    + ", ramp: " + r.nextInt(4) + ", decay: " + r.nextInt(5) + ", target: " + target
                    + ", effects: {" + String.join(", ", eff) + "}}");
        }
        return spec.load(dir);
    }

    private static String r2(Random r) { return n(r.nextDouble()); }

    private static double d2(Random r) { return Math.round(r.nextDouble() * 100) / 100.0; }
}
