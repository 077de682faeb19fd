package org.accords.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.accords.scenario.BadInputException;
import org.accords.scenario.ParameterSets;
import org.accords.scenario.ScenarioLoader;

/**
 * The global parameters a run uses (--params): one point, or a parameter ensemble whose sets the
 * replications are spread over.
 *
 * @param sets      the ensemble, or null for a point run
 * @param fragment  a point fragment merged over the scenario, or null
 * @param committed the ensemble is the committed one, standing in for the point calibration
 *                  (scenarios/_calibrated.yaml): keys a scenario sets itself stay as it sets them.
 *                  An ensemble named by --params FILE applies over the scenario, as a fragment does.
 */
record ParameterChoice(ParameterSets sets, Path fragment, boolean committed) {
    static final String ENSEMBLE = "_ensemble.yaml";
    static final String CALIBRATED = "_calibrated.yaml";

    static ParameterChoice of(String option, Path presetDir) {
        Path committedFile = presetDir.resolve(ENSEMBLE);
        if (option == null) {
            return Files.isRegularFile(committedFile) ? new ParameterChoice(ParameterSets.read(committedFile), null, true) : new ParameterChoice(null, null, false);
        }
        if (option.equals("point")) return new ParameterChoice(null, null, false);
        if (option.equals("ensemble")) {
            if (!Files.isRegularFile(committedFile)) {
                throw new BadInputException(null, "--params", "no committed ensemble " + committedFile + "; make one with `accords calibrate --ensemble K`");
            }
            return new ParameterChoice(ParameterSets.read(committedFile), null, true);
        }
        Path file = Path.of(option);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(null, "--params", "no such file '" + option + "' (or give 'point' or 'ensemble')");
        }
        if (ParameterSets.isEnsembleFile(file)) {
            boolean isCommitted = file.toAbsolutePath().normalize().equals(committedFile.toAbsolutePath().normalize());
            return new ParameterChoice(ParameterSets.read(file), null, isCommitted);
        }
        return new ParameterChoice(null, file, false);
    }

    boolean isEnsemble() { return sets != null; }

    /**
     * The ensemble keys held at the scenario's value in every set: for the committed ensemble,
     * those the scenario's own files or --set give; for an ensemble file named by --params, those
     * --set gives.
     */
    Set<String> held(ScenarioLoader loader, String nameOrPath, List<String> overrides) {
        if (sets == null) return Set.of();
        if (committed) return loader.keysSetOutside(nameOrPath, overrides, sets.keys(), loader.presetDir().resolve(CALIBRATED));
        Set<String> held = new LinkedHashSet<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq > 0 && sets.keys().contains(o.substring(0, eq).trim())) held.add(o.substring(0, eq).trim());
        }
        return held;
    }

    /** The keys held for this scenario (see {@link #held}), after checking that every set applies to it. */
    Set<String> heldFor(ScenarioLoader loader, String nameOrPath, List<String> overrides, org.accords.scenario.Scenario sc) {
        Set<String> held = held(loader, nameOrPath, overrides);
        if (sets != null) sets.check(sc, held);
        return held;
    }

    /** One line for pages and terminals. */
    String describe() {
        if (sets == null) return fragment == null ? "one parameter point (the scenario's own values)" : "one parameter point (" + fragment + ")";
        return sets.size() + " parameter sets of " + sets.file() + " (replication r uses set r mod " + sets.size() + ")";
    }
}
