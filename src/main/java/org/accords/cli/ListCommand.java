package org.accords.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import org.accords.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the preset scenarios with their titles.")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioLoader loader = Main.loader();
        PrintWriter out = spec.commandLine().getOut();
        var names = loader.presetNames();
        int width = names.stream().mapToInt(String::length).max().orElse(8);
        for (String name : names) {
            String title;
            try {
                Scenario sc = loader.load(name);
                title = sc.title() + "  [" + sc.run().start() + " to " + sc.run().end() + "]";
            } catch (BadInputException e) {
                title = "(invalid: " + e.getMessage() + ")";
            }
            out.printf("%-" + width + "s  %s%n", name, title);
        }
        if (names.isEmpty()) out.println("no presets in " + loader.presetDir());
        return Main.OK;
    }
}
