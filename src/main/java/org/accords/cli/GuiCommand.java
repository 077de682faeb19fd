package org.accords.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.accords.gui.AccordsGui;
import org.accords.scenario.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Watch one replication at a time in the MASON Console: a live adoption chart, a map of states",
                "(double-click one to inspect it), an event log, and the global parameters as sliders.",
                "Replication k is seeded as `accords run` seeds its replication k; Stop, then Play runs the next one."})
final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "baseline",
            description = "A preset name (see `accords list`) or a scenario file. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any scenario key, e.g. --set model.weights.usRewards=2.0 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--params", paramLabel = "FILE", description = "Apply the scalar keys of a parameter fragment before any --set.")
    Path params;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's run.seed).")
    Long seed;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) {
            if (seed < 0) throw new BadInputException(null, "--seed", "must be zero or a positive whole number, found " + seed);
            overrides.add("run.seed=" + seed);
        }
        List<Path> fragments = params == null ? List.of() : List.of(params);
        // load once here, so bad input stops before any window opens, with the same messages as `run`
        Main.loader().load(scenario, fragments, overrides);
        AccordsGui.open(changes -> {
            List<String> all = new ArrayList<>(overrides);
            all.addAll(changes);
            return Main.loader().load(scenario, fragments, all);
        });
        return Main.OK;
    }
}
