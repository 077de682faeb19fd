package org.accords.cli;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.accords.TestScenarios;

/** An accords home in a temporary folder (scenarios/mini.yaml and its roster) and in-process command runs. */
final class CliFixture {
    record Result(int code, String out, String err) {}

    private CliFixture() {}

    static TestScenarios.Spec mini() {
        return scenario(state("AAA").blocs("X").attrs(0.7, 0.4, 0.8, 0.6, 0.9),
                state("BBB").blocs("X", "Y").attrs(0.3, 0.9, 0.2, 0.5, 0.4).prior(1994),
                state("CCC").blocs("Y").attrs(0.6, 0.6, 0.6, 0.3, 0.2).condition("statehoodPath", "2019-06"),
                state("DDD").blocs("Z").attrs(0.1, 0.2, 0.9, 0.9, 0.7))
                .set("name", "mini").set("title", "Mini scenario")
                .set("run.start", "2020-01").set("run.end", "2021-06").set("run.replications", 30).set("run.seed", 7)
                .set("model.joinThreshold", 0.2).set("model.exitThreshold", -0.6).set("model.maxHazard", 0.3)
                .set("us.offerRate", 0.6).set("us.capacity", 2).set("world.usEngagement", 0.8)
                .shock("{id: war, label: War, start: 2020-06, duration: 6, ramp: 2, decay: 3, effects: {world.gazaConflict: 0.8}}")
                .shock("{id: deal, start: 2020-09, target: 'bloc:Y', effects: {world.statehoodPath: 0.5, usRewards: 0.4}}")
                .extra("observed:\n  - {state: AAA, kind: join, month: 2020-08}\n");
    }

    /** Writes the home's scenarios/ folder: mini.yaml and roster.yaml. */
    static Path home(Path root) {
        mini().write(root.resolve("scenarios"), "mini.yaml");
        return root;
    }

    static Result exec(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = Main.execute(args, o, e);
        }
        return new Result(code, out.toString(), err.toString());
    }
}
