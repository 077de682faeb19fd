package org.accords.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.accords.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and everything it extends (and its roster) without running it.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A scenario file or preset name.")
    String file;

    @CommandLine.Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides to check as well (repeatable).")
    List<String> sets = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario sc = Main.loader().load(file, sets);
        spec.commandLine().getOut().printf("ok: %s — scenario '%s': %d states, %d shocks, %s to %s (%d months), %d replications%n",
                file, sc.name(), sc.states().size(), sc.shocks().size(), sc.run().start(), sc.run().end(), sc.run().months(), sc.run().replications());
        return Main.OK;
    }
}
