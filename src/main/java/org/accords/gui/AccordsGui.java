package org.accords.gui;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.util.Locale;
import javax.swing.SwingUtilities;
import org.accords.scenario.BadInputException;
import sim.display.Console;

/** Opens the MASON Console on a scenario and waits until the user closes it. */
public final class AccordsGui {
    /** Pause between months while playing, so a history unfolds over seconds (the Console's Delay slider changes it). */
    static final long PLAY_SLEEP_MS = 120;

    private AccordsGui() {}

    /**
     * @throws BadInputException when there is no display to open windows on (one line, exit 2)
     */
    public static void open(ScenarioSource source) throws InterruptedException {
        requireDisplay();
        AccordsWithUI gui = new AccordsWithUI(source);
        try {
            SwingUtilities.invokeAndWait(() -> {
                Console console = new Console(gui);
                console.setPlaySleep(PLAY_SLEEP_MS);
                console.setNewMenuAllowed(false);
                console.pack();
                gui.arrange(console);
                console.setVisible(true);
            });
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HeadlessException || cause instanceof AWTError) throw noDisplay(cause.getMessage());
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException(cause);
        } catch (HeadlessException | AWTError e) {
            throw noDisplay(e.getMessage());
        }
        gui.awaitQuit();
    }

    /** Without a display, say so in one line rather than fail deep inside AWT. */
    static void requireDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean x11 = !os.contains("win") && !os.contains("mac");
        if (x11 && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            throw noDisplay("DISPLAY is not set");
        }
        // the command line runs headless (charts need no display); windows do
        System.setProperty("java.awt.headless", "false");
        if (GraphicsEnvironment.isHeadless()) throw noDisplay("Java runs headless");
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    static BadInputException noDisplay(String why) {
        return new BadInputException("gui: no display to open windows on (" + (why == null ? "headless" : why.replace('\n', ' '))
                + "); run it on a desktop, or under a virtual display: xvfb-run -a ./accords gui");
    }
}
