package org.accords.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accords.experiment.EnsembleResult;
import org.accords.experiment.TraceEvent;
import org.accords.model.StateAgent;
import org.accords.scenario.Driver;
import org.accords.scenario.RunSettings;
import org.accords.scenario.Scenario;
import org.accords.scenario.StateSpec;
import org.accords.scenario.Vintages;

/** Writes one run folder: CSV tables, charts, the resolved scenario, the manifest and index.html. */
public final class RunReport {
    public static final String ADOPTION_HEADER = "month,members_mean,members_p5,members_p25,members_p50,members_p75,members_p95,joined_mean,frozen_mean";
    public static final String MEMBERSHIP_HEADER = "state,month,p_member,p_joined_by";
    public static final String EVENTS_HEADER = "month,join,freeze,thaw,offer";

    private RunReport() {}

    /** Column names of the per-state contribution columns, by Driver ordinal then cost. */
    public static List<String> contributionColumns() {
        List<String> c = new ArrayList<>();
        for (Driver d : Driver.values()) c.add("contrib_" + d.key());
        c.add("contrib_cost");
        return c;
    }

    public static String statesHeader() {
        return "state,name,p_member_end,p_ever_joined,p_frozen_end,join_p10,join_p50,join_p90," + String.join(",", contributionColumns());
    }

    /** Writes every file into {@code dir} (the temporary folder of a {@link ResultFolder}). */
    public static void write(EnsembleResult r, Path dir, String toolVersion) throws IOException {
        write(r, dir, toolVersion, Overrides.NONE);
    }

    /** As {@link #write(EnsembleResult, Path, String)}, with the command-line overrides in the manifest, the charts and the page. */
    public static void write(EnsembleResult r, Path dir, String toolVersion, Overrides overrides) throws IOException {
        write(r, dir, toolVersion, overrides, List.of());
    }

    /** @param trajectories the states of trajectories.png (empty: the movers) */
    public static void write(EnsembleResult r, Path dir, String toolVersion, Overrides overrides, List<String> trajectories) throws IOException {
        write(r, dir, toolVersion, overrides, new ChartChoices(ChartWindow.WHOLE, trajectories));
    }

    /** @param charts the time charts' window and the trajectories' states (recorded in the manifest) */
    public static void write(EnsembleResult r, Path dir, String toolVersion, Overrides overrides, ChartChoices charts) throws IOException {
        writeAdoption(r, dir.resolve("adoption.csv"));
        writeMembership(r, dir.resolve("membership.csv"));
        writeStates(r, dir.resolve("states.csv"));
        writeEvents(r, dir.resolve("events.csv"));
        writeTrace(r, dir.resolve("trace.csv"));
        writeResolvedScenario(r.scenario, dir);
        RunFolderIO.writeParameterSets(r, dir);
        writeManifest(r, dir.resolve("manifest.json"), toolVersion, overrides, charts);
        RunFolderIO.writeAggregate(r, dir.resolve(RunFolderIO.AGGREGATE));
        String note = overrides.chartNote();
        Charts.save(Charts.withNote(AdoptionChart.create(r, charts.window()), note), dir, "adoption");
        Charts.save(Charts.withNote(StateCharts.probabilities(List.of(r)), note), dir, "states");
        Charts.save(Charts.withNote(TrajectoryChart.create(r, charts.states(), charts.window()), note), dir, "trajectories");
        Charts.save(Charts.withNote(StateCharts.drivers(List.of(r)), note), dir, "drivers");
        Html.writeRunPage(r, dir, toolVersion, overrides);
    }

    static void writeAdoption(EnsembleResult r, Path file) throws IOException {
        RunSettings run = r.scenario.run();
        try (Csv csv = new Csv(file, ADOPTION_HEADER)) {
            for (int t = 0; t < r.months(); t++) {
                csv.row(run.monthOf(t), Num.fmt(r.membersMean(t)), r.membersPercentile(t, 5), r.membersPercentile(t, 25),
                        r.membersPercentile(t, 50), r.membersPercentile(t, 75), r.membersPercentile(t, 95),
                        Num.fmt(r.joinedMean(t)), Num.fmt(r.frozenMean(t)));
            }
        }
    }

    static void writeMembership(EnsembleResult r, Path file) throws IOException {
        RunSettings run = r.scenario.run();
        try (Csv csv = new Csv(file, MEMBERSHIP_HEADER)) {
            for (int s = 0; s < r.states(); s++) {
                String id = r.scenario.states().get(s).id();
                for (int t = 0; t < r.months(); t++) {
                    csv.row(id, run.monthOf(t), Num.fmt(r.pMember(s, t)), Num.fmt(r.pJoinedBy(s, t)));
                }
            }
        }
    }

    /** A join-month percentile, or "" when the state joins in fewer than 10% of runs. */
    public static String joinMonth(EnsembleResult r, int s, int pct) {
        if (r.pEverJoined(s) < 0.10) return "";
        int t = r.joinTickPercentile(s, pct);
        return t < 0 ? "" : r.scenario.run().monthOf(t).toString();
    }

    static void writeStates(EnsembleResult r, Path file) throws IOException {
        int last = r.months() - 1;
        try (Csv csv = new Csv(file, statesHeader())) {
            for (int s = 0; s < r.states(); s++) {
                StateSpec spec = r.scenario.states().get(s);
                List<Object> row = new ArrayList<>(List.of(spec.id(), spec.name(), Num.fmt(r.pMember(s, last)),
                        Num.fmt(r.pEverJoined(s)), Num.fmt(r.pFrozen(s, last)),
                        joinMonth(r, s, 10), joinMonth(r, s, 50), joinMonth(r, s, 90)));
                for (int k = 0; k <= StateAgent.COST; k++) row.add(Num.fmt(r.meanContribution(s, k)));
                csv.row(row);
            }
        }
    }

    static void writeEvents(EnsembleResult r, Path file) throws IOException {
        try (Csv csv = new Csv(file, EVENTS_HEADER)) {
            for (int t = 0; t < r.months(); t++) {
                csv.row(r.scenario.run().monthOf(t), Num.fmt(r.eventMean(t, 0)), Num.fmt(r.eventMean(t, 1)),
                        Num.fmt(r.eventMean(t, 2)), Num.fmt(r.eventMean(t, 3)));
            }
        }
    }

    /** Every event of replication 0 with the drivers behind it: why did this state join then? */
    static void writeTrace(EnsembleResult r, Path file) throws IOException {
        List<String> cols = new ArrayList<>(List.of("month", "kind", "subject", "utility"));
        for (Driver d : Driver.values()) cols.add(d.key());
        cols.addAll(contributionColumns());
        try (Csv csv = new Csv(file, String.join(",", cols))) {
            for (TraceEvent e : r.trace) {
                List<Object> row = new ArrayList<>(List.of(r.scenario.run().monthOf(e.tick()), e.kind().key(), e.subject(), Num.fmt(e.utility())));
                for (int k = 0; k < Driver.values().length; k++) row.add(e.drivers().length == 0 ? "" : Num.fmt(e.drivers()[k]));
                for (int k = 0; k <= StateAgent.COST; k++) row.add(e.contributions().length == 0 ? "" : Num.fmt(e.contributions()[k]));
                csv.row(row);
            }
        }
    }

    public static final String RUNS = "runs.csv";

    /** Writes runs.csv: one row per replication (of the result's shard) and state, in replication order. */
    public static void writeRuns(EnsembleResult r, Path dir, int threads, java.util.concurrent.atomic.AtomicBoolean cancel) throws IOException {
        try (java.io.Writer w = Files.newBufferedWriter(dir.resolve(RUNS), java.nio.charset.StandardCharsets.UTF_8)) {
            org.accords.experiment.RunOutcomes.write(r, threads, w, cancel);
        }
    }

    /**
     * Merges the runs.csv of shards (each ordered by replication, replications disjoint) into one
     * ordered by replication: the same bytes the unsharded run writes.
     */
    public static void mergeRuns(List<Path> parts, Path out) throws IOException {
        List<java.io.BufferedReader> readers = new ArrayList<>();
        try (java.io.Writer w = Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            String[] head = new String[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                java.io.BufferedReader br = Files.newBufferedReader(parts.get(i), java.nio.charset.StandardCharsets.UTF_8);
                readers.add(br);
                String header = br.readLine();
                if (!org.accords.experiment.RunOutcomes.HEADER.equals(header)) throw new IOException(parts.get(i) + ": not a runs.csv");
                head[i] = br.readLine();
            }
            w.write(org.accords.experiment.RunOutcomes.HEADER + "\n");
            while (true) {
                int best = -1;
                long bestRep = Long.MAX_VALUE;
                for (int i = 0; i < head.length; i++) {
                    if (head[i] == null) continue;
                    long rep = Long.parseLong(head[i].substring(0, head[i].indexOf(',')));
                    if (rep < bestRep) {
                        bestRep = rep;
                        best = i;
                    }
                }
                if (best < 0) break;
                String prefix = bestRep + ",";
                while (head[best] != null && head[best].startsWith(prefix)) {
                    w.write(head[best]);
                    w.write('\n');
                    head[best] = readers.get(best).readLine();
                }
            }
        } finally {
            for (java.io.BufferedReader br : readers) br.close();
        }
    }

    /** The merged scenario with every default filled in, and a copy of the roster it read beside it. */
    public static void writeResolvedScenario(Scenario sc, Path dir) throws IOException {
        Files.writeString(dir.resolve("scenario.resolved.yaml"), RunFolderIO.resolvedYaml(sc));
        Files.copy(sc.rosterFile(), dir.resolve("roster.yaml"));
    }

    /**
     * One line for the run summary: how many state-month roster values were assumptions (a stated
     * one, or a later measurement carried back) rather than measurements dated at or before their month.
     */
    public static String assumptionSummary(Scenario sc) {
        Vintages v = new Vintages(sc);
        StringBuilder by = new StringBuilder();
        for (var e : v.assumptionUsesByAttribute().entrySet()) {
            if (e.getValue() > 0) by.append(by.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        return String.format(java.util.Locale.ROOT, "roster values used: %,d state-month values, %,d of them assumptions%s",
                v.valueUses(), v.assumptionUses(), by.length() == 0 ? "" : " (" + by + ")");
    }

    static void writeManifest(EnsembleResult r, Path file, String toolVersion, Overrides overrides, ChartChoices charts) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "accords-sim");
        m.put("version", toolVersion);
        m.put("scenario", r.scenario.name());
        m.put("title", r.scenario.title());
        m.put("seed", r.seed);
        m.put("replications", r.runs());
        m.put("threads", r.threads);
        m.put("parameters", RunFolderIO.parametersManifest(r));
        if (r.mergedShards > 0) m.put("mergedShards", r.mergedShards); // threads: the most any shard used; times: first start to last finish
        m.put("months", r.months());
        m.put("states", r.states());
        m.put("started", r.started.toString());
        m.put("finished", r.finished.toString());
        m.put("wallSeconds", r.wallSeconds());
        Vintages v = new Vintages(r.scenario);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("total", v.assumptionUses());
        a.put("of", v.valueUses());
        a.put("byAttribute", v.assumptionUsesByAttribute());
        m.put("assumptionUses", a); // state-months whose roster value is an assumption, not a measurement dated at or before the month
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("overrides", overrides.asMap());
        m.put("window", charts.window().manifest(r.scenario.run())); // the months the time charts show; the CSV files cover the whole run
        m.put("trajectoryStates", charts.states());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
    }
}
