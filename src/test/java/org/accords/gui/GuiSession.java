package org.accords.gui;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import java.io.PrintWriter;
import org.accords.cli.Main;
import sim.display.Console;
import sim.util.Double2D;

/**
 * The real Console on a real (virtual) display, driven as a user would: {@link GuiXvfbIT} runs
 * this in a child JVM under {@code xvfb-run}. It runs the command line's {@code gui SCENARIO} (as
 * {@code ./accords gui} does), finds the Console it opened, presses Play, lets the
 * run reach its last month, double-clicks a state's tile (MASON's inspector path), takes a
 * screenshot of the screen, writes what it saw to a properties file, and closes the Console,
 * which exits the JVM.
 *
 * <p>Arguments: scenario name (a preset of the working directory's scenarios/), state to
 * inspect, screenshot PNG, report file.
 */
public final class GuiSession {
    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        String inspect = args[1];
        Path png = Path.of(args[2]);
        Path report = Path.of(args[3]);
        // as `./accords gui SCENARIO` does: Main runs headless until the gui command opens its windows
        System.setProperty("java.awt.headless", "true");
        System.setProperty("accords.home", Path.of("").toAbsolutePath().toString());
        int[] exit = {-1};
        Thread cli = new Thread(() -> exit[0] = Main.execute(new String[] {"gui", scenario},
                new PrintWriter(System.out, true), new PrintWriter(System.err, true)), "accords-cli");
        cli.start();
        Console console = findConsole();
        if (console == null) throw new IllegalStateException("no Console opened; the command exited with " + exit[0]);
        AccordsWithUI gui = (AccordsWithUI) console.getSimulation();
        console.setPlaySleep(15);
        Thread.sleep(500);
        SwingUtilities.invokeAndWait(console::pressPlay);
        int months = gui.scenario().run().months();
        // history is the 1993-2025 record (396 months): on a loaded two-core machine a month can take 0.15 s to draw
        long deadline = System.currentTimeMillis() + 150_000;
        while (console.getPlayState() != Console.PS_STOPPED && System.currentTimeMillis() < deadline) Thread.sleep(20);
        Properties seen = new Properties();
        seen.setProperty("stoppedByItself", String.valueOf(console.getPlayState() == Console.PS_STOPPED));
        seen.setProperty("months", String.valueOf(months));
        seen.setProperty("stepsRun", String.valueOf(gui.model().schedule.getSteps()));
        SwingUtilities.invokeAndWait(() -> {
            seen.setProperty("chartPoints", String.valueOf(gui.chart.members.getItemCount()));
            seen.setProperty("chartLastMembers", String.valueOf(gui.chart.members.getItemCount() == 0 ? -1
                    : gui.chart.members.getY(gui.chart.members.getItemCount() - 1).intValue()));
            seen.setProperty("chartLastJoined", String.valueOf(gui.chart.joined.getItemCount() == 0 ? -1
                    : gui.chart.joined.getY(gui.chart.joined.getItemCount() - 1).intValue()));
        });
        seen.setProperty("modelMembers", String.valueOf(gui.model().activeMembers()));
        seen.setProperty("modelJoined", String.valueOf(gui.model().joinedCount()));
        seen.setProperty("mapStates", String.valueOf(gui.mapField.getAllObjects().stream().filter(o -> o instanceof StateView).count()));
        seen.setProperty("rosterStates", String.valueOf(gui.scenario().states().size()));
        seen.setProperty("displayShowing", String.valueOf(gui.displayFrame.isShowing()));
        seen.setProperty("displayTitle", gui.displayFrame.getTitle());
        seen.setProperty("chartShowing", String.valueOf(gui.chartFrame.isShowing()));
        seen.setProperty("logLines", String.valueOf(gui.log.lines.size()));
        seen.setProperty("events", String.valueOf(gui.log.entries().size()));

        // double-click the state's tile, as a user would, through the display's own inspector path
        StateView target = gui.states().stream().filter(v -> v.id().equals(inspect)).findFirst().orElseThrow();
        Double2D at = gui.mapField.getObjectLocation(target);
        SwingUtilities.invokeAndWait(() -> {
            double scale = gui.display.getScale();
            double cell = AccordsWithUI.CELL * scale;
            java.awt.Point p = new java.awt.Point((int) (at.x * cell), (int) (at.y * cell));
            gui.display.createInspectors(new Rectangle2D.Double(p.x - 1, p.y - 1, 3, 3), gui);
        });
        Thread.sleep(500);
        SwingUtilities.invokeAndWait(() -> {
            seen.setProperty("inspectors", String.valueOf(console.getAllInspectors().size()));
            List<String> names = target.view().names();
            seen.setProperty("inspectedRows", String.join(",", names));
            seen.setProperty("inspectedUtility", String.valueOf(target.view().value("utility")));
            seen.setProperty("consoleTab", console.getTabPane().getTitleAt(console.getTabPane().getSelectedIndex()));
        });
        Thread.sleep(300);
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", png.toFile());
        try (Writer w = Files.newBufferedWriter(report)) {
            seen.store(w, "what the GUI session saw");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // closing the Console is how a user quits: it must end the JVM with status 0
        SwingUtilities.invokeLater(console::doClose);
        cli.join(10_000);
        System.out.println("gui command returned " + exit[0]);
        Thread.sleep(10_000);
        System.exit(3);
    }

    /** The Console the command opened (MASON keeps every open controller in a static map). */
    private static Console findConsole() throws InterruptedException {
        // touch no AWT class before the command has switched headless mode off: the first use fixes it
        for (long deadline = System.currentTimeMillis() + 60_000; !"false".equals(System.getProperty("java.awt.headless"))
                && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(20);
        }
        for (long deadline = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < deadline; ) {
            Thread.sleep(50);
            for (Object c : Console.allControllers.keySet().toArray()) if (c instanceof Console k && k.isShowing()) return k;
        }
        return null;
    }
}
