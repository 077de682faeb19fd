package org.accords.gui;

import java.awt.GraphicsEnvironment;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.accords.experiment.Seeds;
import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.model.WorldPlan;
import org.accords.scenario.BadInputException;
import org.accords.scenario.Scenario;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.field.continuous.Continuous2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.util.Double2D;

/**
 * The MASON GUI around the same {@link AccordsModel} that {@code accords run} uses: one
 * replication at a time, one month per step. Replication k (the k-th Play since the window
 * opened, from 0) is seeded exactly as {@code run} seeds its replication k, so what you watch is
 * one of the runs the ensemble averages. Parameter changes in the Model tab reload the scenario
 * with them as overrides at the next Play; the model is rebuilt for every replication.
 *
 * <p>Windows (map, chart, event log) exist only with a display; without one (tests driving it
 * through {@link sim.display.SimpleController}) the chart series, the map's field and the log
 * still follow the model.
 */
public final class AccordsWithUI extends GUIState {
    static final int CELL = 54;

    private final ScenarioSource source;
    private final long masterSeed;
    private Scenario scenario;
    private WorldPlan plan;
    private List<String> applied = List.of();
    private int nextReplication;
    private int replication = -1;

    public final GlobalParameters parameters;
    public final LiveAdoptionChart chart;
    public final EventLog log = new EventLog();
    public final Continuous2D mapField;
    public final ContinuousPortrayal2D mapPortrayal = new ContinuousPortrayal2D();
    private final List<StateView> views = new ArrayList<>();
    public final BrokerView broker;
    public final WorldView world;
    private final TileLayout layout;
    private final Observer observer = new Observer();
    private final CountDownLatch quit = new CountDownLatch(1);

    Display2D display;
    JFrame displayFrame;
    JFrame chartFrame;
    JFrame logFrame;

    public AccordsWithUI(ScenarioSource source) {
        this(source, source.load(List.of()));
    }

    private AccordsWithUI(ScenarioSource source, Scenario scenario) {
        super(new AccordsModel(new WorldPlan(scenario)));
        this.source = source;
        this.scenario = scenario;
        this.plan = ((AccordsModel) state).plan();
        this.masterSeed = scenario.run().seed();
        this.parameters = new GlobalParameters(scenario);
        this.chart = new LiveAdoptionChart(scenario);
        this.broker = new BrokerView(this::model);
        this.world = new WorldView(this::model);
        List<String> ids = scenario.states().stream().map(s -> s.id()).toList();
        this.layout = new TileLayout(ids);
        mapField = new Continuous2D(1.0, TileLayout.COLUMNS, layout.rows());
        for (int i = 0; i < ids.size(); i++) {
            StateView v = new StateView(this::model, i);
            views.add(v);
            int[] cell = layout.cell(ids.get(i));
            mapField.setObjectLocation(v, new Double2D(cell[0] + 0.5, cell[1] + 0.5));
        }
        mapField.setObjectLocation(broker, new Double2D(TileLayout.BROKER[0] + 0.5, TileLayout.BROKER[1] + 0.5));
        mapField.setObjectLocation(world, new Double2D(TileLayout.WORLD[0] + 0.5, TileLayout.WORLD[1] + 0.5));
        MapKey key = new MapKey();
        mapField.setObjectLocation(key, new Double2D(MapLegend.COLUMN + 0.5, MapLegend.ROW + 0.5));
        mapPortrayal.setField(mapField);
        mapPortrayal.setPortrayalForClass(StateView.class, new StatePortrayal());
        GlobalTilePortrayal tiles = new GlobalTilePortrayal();
        mapPortrayal.setPortrayalForClass(BrokerView.class, tiles);
        mapPortrayal.setPortrayalForClass(WorldView.class, tiles);
        mapPortrayal.setPortrayalForClass(MapKey.class, new MapLegend());
        log.note(String.format(Locale.ROOT, "%s: press Play to run replication 0 of seed %d, %s to %s",
                scenario.name(), masterSeed, scenario.run().start(), scenario.run().end()));
    }

    /** The key's place on the map (drawn by {@link MapLegend}). */
    static final class MapKey {}

    public static String getName() { return "accords-sim"; }

    public static Object getInfo() {
        return "<html><h2>accords-sim</h2><p>One replication of the Abraham Accords model, month by month.</p>"
                + "<p>Play runs the scenario from its start month to its end; Stop, then Play starts the next replication "
                + "(seeded as <tt>accords run</tt> seeds replication k). The Model tab holds the global parameters; "
                + "changes apply from the next replication.</p><p>Double-click a state on the map to inspect its "
                + "attributes (with sources), drivers, utility, hazard and conditions; double-click USA for the live offers, World for "
                + "this month's world variables.</p></html>";
    }

    public AccordsModel model() { return (AccordsModel) state; }

    public Scenario scenario() { return scenario; }

    /** Index of the replication on screen (-1 before the first Play). */
    public int replication() { return replication; }

    public long masterSeed() { return masterSeed; }

    public List<StateView> states() { return List.copyOf(views); }

    public YearMonth month() { return plan.month(model().tick()); }

    @Override
    public Object getSimulationInspectedObject() { return parameters; }

    @Override
    public boolean isInspectorVolatile() { return false; }

    @Override
    public void start() {
        List<String> overrides = parameters.overrides();
        String refused = null;
        if (!overrides.equals(applied)) {
            try {
                scenario = source.load(overrides);
                plan = new WorldPlan(scenario);
                applied = overrides;
            } catch (BadInputException e) {
                refused = "parameters refused (" + e.getMessage() + "); this replication runs with the previous values";
            }
        }
        AccordsModel m = new AccordsModel(plan);
        replication = nextReplication++;
        m.prepare(Seeds.forReplication(masterSeed, replication), observer);
        state = m;
        broker.reset();
        String header = String.format(Locale.ROOT, "replication %d of seed %d, %s to %s%s", replication, masterSeed,
                scenario.run().start(), scenario.run().end(), applied.isEmpty() ? "" : "; changed: " + String.join(", ", applied));
        log.clear(header);
        if (refused != null) log.note(refused);
        String subtitle = LiveAdoptionChart.subtitle(scenario, replication, masterSeed);
        SwingUtilities.invokeLater(() -> chart.clear(subtitle));
        super.start();
        if (display != null) {
            display.reset();
            display.repaint();
        }
        setTitles(plan.month(0) + " (not yet run)");
    }

    /** One month; false once the scenario's last month has run (the Console then stops). */
    @Override
    public boolean step() {
        if (state.schedule.getSteps() >= plan.months) return false;
        return super.step();
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        if (GraphicsEnvironment.isHeadless()) return;
        display = new Display2D(TileLayout.COLUMNS * CELL, layout.rows() * CELL, this);
        display.setBackdrop(java.awt.Color.WHITE);
        display.setClipping(false);
        display.attach(mapPortrayal, "States");
        displayFrame = display.createFrame();
        c.registerFrame(displayFrame);
        displayFrame.setVisible(true);

        chartFrame = new JFrame();
        org.jfree.chart.ChartPanel panel = new org.jfree.chart.ChartPanel(chart.chart());
        // drawn at the size of the report charts, then scaled to the window, so fonts keep their proportions
        panel.setMinimumDrawWidth(1400);
        panel.setMinimumDrawHeight(820);
        panel.setMaximumDrawWidth(2400);
        panel.setMaximumDrawHeight(1600);
        panel.setPreferredSize(new java.awt.Dimension(760, 445));
        chartFrame.getContentPane().add(panel);
        chartFrame.pack();
        c.registerFrame(chartFrame);
        chartFrame.setVisible(true);

        logFrame = new JFrame();
        javax.swing.JList<String> list = new javax.swing.JList<>(log.lines);
        list.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 12));
        // keep the newest event in view
        log.lines.addListDataListener(new javax.swing.event.ListDataListener() {
            @Override public void intervalAdded(javax.swing.event.ListDataEvent e) { list.ensureIndexIsVisible(e.getIndex1()); }
            @Override public void intervalRemoved(javax.swing.event.ListDataEvent e) {}
            @Override public void contentsChanged(javax.swing.event.ListDataEvent e) {}
        });
        logFrame.getContentPane().add(new javax.swing.JScrollPane(list));
        logFrame.setSize(760, 300);
        c.registerFrame(logFrame);
        logFrame.setVisible(true);
        setTitles(plan.month(0) + " (press Play)");
    }

    private void setTitles(String when) {
        if (displayFrame == null) return;
        String rep = replication < 0 ? "" : " · replication " + replication;
        SwingUtilities.invokeLater(() -> {
            displayFrame.setTitle("Map of states · " + when + rep);
            chartFrame.setTitle("Adoption · " + when + rep);
            logFrame.setTitle("Events · " + when + rep);
        });
    }

    /**
     * Lays the windows out on the screen: map top left, chart to its right at the same height,
     * the Console below the map, the event log beside the Console.
     */
    public void arrange(JFrame console) {
        if (displayFrame == null) return;
        java.awt.Rectangle screen = displayFrame.getGraphicsConfiguration().getBounds();
        int mapW = displayFrame.getWidth(), mapH = displayFrame.getHeight();
        displayFrame.setLocation(screen.x, screen.y);
        chartFrame.setBounds(screen.x + mapW, screen.y, Math.max(640, screen.width - mapW), mapH);
        int below = Math.max(420, screen.height - mapH);
        console.setBounds(screen.x, screen.y + mapH, Math.min(console.getWidth(), 600), below);
        logFrame.setBounds(screen.x + console.getWidth(), screen.y + mapH, Math.max(600, screen.width - console.getWidth()), below);
    }

    @Override
    public void quit() {
        super.quit();
        for (JFrame f : new JFrame[] {displayFrame, chartFrame, logFrame}) if (f != null) f.dispose();
        if (display != null) display.quit();
        display = null;
        displayFrame = chartFrame = logFrame = null;
        quit.countDown();
    }

    /** Blocks until the Console is closed. */
    public void awaitQuit() throws InterruptedException { quit.await(); }

    /** Receives the model's events and months on the model's thread; Swing changes go to the event thread. */
    private final class Observer implements RunObserver {
        @Override
        public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
            YearMonth month = plan.month(tick);
            switch (kind) {
                // a candidate has relations only if it had them in the first month (its own join opens them)
                case JOIN -> log.add(month, kind, agent.spec.id(), EventLog.explain(plan.relationsAtStart(agent.index) ? "joins (symbolic)" : "joins", agent));
                case FREEZE -> log.add(month, kind, agent.spec.id(), EventLog.explain("freezes ties", agent));
                case THAW -> log.add(month, kind, agent.spec.id(), EventLog.explain("thaws", agent));
                case OFFER -> {
                    broker.offerMade(month.toString(), agent.spec.id());
                    log.add(month, kind, agent.spec.id(), String.format(Locale.ROOT, "US offer to %s (%s): offer on the table %.2f",
                            agent.spec.id(), agent.spec.name(), agent.offer()));
                }
                case SHOCK_START -> log.add(month, kind, scenario.shocks().get(subject).id(), "starts: " + scenario.shocks().get(subject).label());
                case SHOCK_END -> log.add(month, kind, scenario.shocks().get(subject).id(), "last month: " + scenario.shocks().get(subject).label());
            }
        }

        @Override
        public void onMonth(int tick, AccordsModel m) {
            YearMonth month = plan.month(tick);
            int active = m.activeMembers(), joined = m.joinedCount(), frozen = m.frozenCount();
            SwingUtilities.invokeLater(() -> chart.addMonth(month, active, joined, frozen));
            setTitles(month.toString());
        }
    }
}
