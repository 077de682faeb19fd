package org.accords.cli;

import java.util.concurrent.Callable;
import org.accords.scenario.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Print the scenario key reference (scenarios/REFERENCE.md is this output).")
final class ReferenceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(Reference.markdown());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
