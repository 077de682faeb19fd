package org.accords.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.accords.report.OddDocument;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Reference;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Print the scenario key reference (scenarios/REFERENCE.md is this output), or with --odd "
                + "rewrite the generated parts of the ODD document (the parameter table and the calibration record).")
final class ReferenceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--odd", paramLabel = "FILE",
            description = "rewrite, in place, only the generated sections of this ODD document (docs/ODD.md)")
    Path odd;

    @Override
    public Integer call() throws IOException {
        if (odd == null) {
            spec.commandLine().getOut().print(Reference.markdown());
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        if (!Files.isRegularFile(odd)) throw new BadInputException(odd + ": no such file (--odd)");
        String text = Files.readString(odd);
        String updated;
        try {
            updated = OddDocument.update(text, Main.loader().presetDir());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(odd + ": " + e.getMessage() + " (--odd)");
        }
        // written beside the file and moved over it: the document is replaced whole or not at all
        org.accords.report.ResultFolder.replaceFile(odd, updated);
        spec.commandLine().getOut().println(text.equals(updated) ? odd + ": up to date" : odd + ": generated sections rewritten");
        return Main.OK;
    }
}
