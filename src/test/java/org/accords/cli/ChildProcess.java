package org.accords.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** `accords` in a child JVM on the test classpath: for signals, kills and concurrent processes. */
final class ChildProcess {
    private static final Map<Process, Path> ERR = new ConcurrentHashMap<>();

    private ChildProcess() {}

    static Process accords(Path home, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "-Daccords.home=" + home, Main.class.getName()));
        cmd.addAll(List.of(args));
        // stderr into a file outside the home, so a full pipe never blocks the child and listings stay clean
        Path err = Files.createTempFile("accords-child-", ".err");
        err.toFile().deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        ERR.put(p, err);
        return p;
    }

    /** The child's stderr, once it has ended. */
    static String stderr(Process p) throws Exception {
        p.waitFor();
        return Files.readString(ERR.remove(p));
    }

    /** Waits until a hidden entry with this prefix appears in {@code dir} (the run has started writing). */
    static void awaitHidden(Process p, Path dir, String prefix) throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (!p.isAlive()) throw new AssertionError("the child ended (" + p.exitValue() + "): " + stderr(p));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.anyMatch(f -> f.getFileName().toString().startsWith(prefix))) return;
                }
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("no " + prefix + "* appeared in " + dir + ": " + stderr(p));
    }
}
