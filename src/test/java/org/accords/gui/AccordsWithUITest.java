package org.accords.gui;

import static org.accords.TestScenarios.scenario;
import static org.accords.TestScenarios.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accords.TestScenarios;
import org.accords.experiment.Ensemble;
import org.accords.model.AccordsModel;
import org.accords.model.EventKind;
import org.accords.model.RunObserver;
import org.accords.model.StateAgent;
import org.accords.model.Status;
import org.accords.scenario.Parameter;
import org.accords.scenario.Scenario;
import org.accords.scenario.WorldVariable;
import org.accords.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sim.display.SimpleController;
import sim.portrayal.DrawInfo2D;
import sim.util.Double2D;
import sim.util.Interval;

/** The GUIState driven headless through MASON's SimpleController: chart, map, log and inspectors follow the model. */
class AccordsWithUITest {
    @TempDir
    Path dir;
    ScenarioLoader loader;
    Path file;

    static TestScenarios.Spec spec() {
        return scenario(state("ARE").blocs("GCC").attrs(0.6, 0.4, 0.8, 0.4, 0.9),
                state("BHR").blocs("GCC").attrs(0.5, 0.5, 0.9, 0.1, 0.8),
                state("SAU").blocs("GCC").attrs(0.5, 0.7, 0.9, 0.5, 0.7).condition("statehoodPath", "2019-06"),
                state("MAR").blocs("Maghreb").attrs(0.1, 0.6, 0.6, 0.1, 0.6).prior(1994),
                state("ZZZ").blocs("Maghreb").attrs(0.2, 0.5, 0.5, 0.5, 0.5))
                .set("name", "gui-test").set("title", "GUI test")
                .set("run.start", "2020-01").set("run.end", "2021-12").set("run.replications", 10).set("run.seed", 11)
                .set("model.joinThreshold", 0.3).set("model.exitThreshold", -0.4).set("model.maxHazard", 0.3)
                .set("model.weights.usRewards", 3.0).set("model.weights.palestinianPressure", 1.0)
                .set("us.offerRate", 0.8).set("us.capacity", 2).set("world.usEngagement", 0.9)
                .shock("{id: war, label: War, start: 2020-10, duration: 6, effects: {world.gazaConflict: 0.9}}");
    }

    @BeforeEach
    void setUp() {
        file = spec().write(dir, "gui-test.yaml");
        loader = new ScenarioLoader(dir);
    }

    AccordsWithUI gui(String... sets) {
        return new AccordsWithUI(changes -> {
            List<String> all = new ArrayList<>(List.of(sets));
            all.addAll(changes);
            return loader.load(file.toString(), all);
        });
    }

    static void flushSwing() throws Exception {
        javax.swing.SwingUtilities.invokeAndWait(() -> {});
    }

    /**
     * Play, wait for the last month, Stop. (MASON 18's SimpleController ends its play thread when
     * the GUIState's step says the run is over but, unlike the Console, does not press Stop.)
     */
    static void playToEnd(SimpleController c) throws Exception {
        AccordsWithUI gui = (AccordsWithUI) c.getSimulation();
        c.pressPlay();
        int months = gui.scenario().run().months();
        long deadline = System.currentTimeMillis() + 20_000;
        while (gui.model().schedule.getSteps() < months && System.currentTimeMillis() < deadline) Thread.sleep(5);
        Thread.sleep(20);
        assertEquals(months, gui.model().schedule.getSteps(), "the run ends after its last month, not before, not after");
        assertFalse(gui.step(), "no month after the last");
        c.pressStop();
        flushSwing();
    }

    /**
     * A controller whose replication has started paused (Pause while stopped; Play then Pause
     * would race the play thread): each Play now steps exactly one month.
     */
    static SimpleController paused(AccordsWithUI gui) {
        SimpleController c = new SimpleController(gui);
        c.pressPause();
        assertEquals(SimpleController.PS_PAUSED, c.getPlayState());
        assertEquals(0, gui.model().schedule.getSteps());
        return c;
    }

    /** Per month: active members, ever joined, frozen; and the join/freeze/thaw events, of replication k as `run` runs it. */
    record Reference(List<int[]> months, List<String> events) {}

    static Reference reference(Scenario sc, int replication) {
        List<int[]> months = new ArrayList<>();
        List<String> events = new ArrayList<>();
        new Ensemble(sc).runOne(sc.run().seed(), replication, new RunObserver() {
            @Override
            public void onEvent(EventKind kind, int tick, int subject, StateAgent agent) {
                if (agent != null && kind != EventKind.OFFER) events.add(sc.run().monthOf(tick) + " " + kind.key() + " " + agent.spec.id());
            }

            @Override
            public void onMonth(int tick, AccordsModel m) {
                months.add(new int[] {m.activeMembers(), m.joinedCount(), m.frozenCount()});
            }
        });
        return new Reference(months, events);
    }

    static void assertChartEquals(Reference ref, LiveAdoptionChart chart) {
        assertEquals(ref.months.size(), chart.members.getItemCount(), "one point per month");
        for (int t = 0; t < ref.months.size(); t++) {
            assertEquals(ref.months.get(t)[0], chart.members.getY(t).intValue(), "active members, month " + t);
            assertEquals(ref.months.get(t)[1], chart.joined.getY(t).intValue(), "ever joined, month " + t);
            assertEquals(ref.months.get(t)[2], chart.frozen.getY(t).intValue(), "frozen, month " + t);
        }
    }

    static List<String> loggedTransitions(EventLog log) {
        return log.entries().stream().filter(e -> e.kind() == EventKind.JOIN || e.kind() == EventKind.FREEZE || e.kind() == EventKind.THAW)
                .map(e -> e.month() + " " + e.kind().key() + " " + e.subject()).toList();
    }

    @Test
    void eachPlayIsTheReplicationThatRunSeedsTheSameWay() throws Exception {
        AccordsWithUI gui = gui();
        SimpleController c = new SimpleController(gui);
        Scenario sc = gui.scenario();
        playToEnd(c);
        assertEquals(0, gui.replication());
        Reference first = reference(sc, 0);
        assertChartEquals(first, gui.chart);
        assertEquals(first.events, loggedTransitions(gui.log));
        assertTrue(first.events.stream().anyMatch(e -> e.contains(" join ")), "the test scenario has joins: " + first.events);
        assertTrue(gui.log.entries().stream().anyMatch(e -> e.kind() == EventKind.SHOCK_START && e.subject().equals("war")
                && e.month().toString().equals("2020-10")), "the shock is logged in its month");

        playToEnd(c); // Stop happened at the end; Play starts the next replication
        assertEquals(1, gui.replication());
        Reference second = reference(sc, 1);
        assertChartEquals(second, gui.chart);
        assertEquals(second.events, loggedTransitions(gui.log));
        assertNotEquals(first.months.stream().map(m -> m[1]).toList().toString() + first.events,
                second.months.stream().map(m -> m[1]).toList().toString() + second.events, "a new seed, a different history");
    }

    @Test
    void stepByStepTheChartAndTheMapFollowTheModel() throws Exception {
        AccordsWithUI gui = gui();
        SimpleController c = paused(gui);
        for (int i = 0; i < 14; i++) {
            c.pressPlay(); // while paused, Play steps one month
            flushSwing();
            AccordsModel m = gui.model();
            long steps = m.schedule.getSteps();
            assertEquals(i + 1, steps, "each Play while paused is one month");
            assertEquals(steps, gui.chart.members.getItemCount(), "one point per month run");
            int last = (int) steps - 1;
            assertEquals(m.activeMembers(), gui.chart.members.getY(last).intValue());
            assertEquals(m.joinedCount(), gui.chart.joined.getY(last).intValue());
            assertEquals(m.frozenCount(), gui.chart.frozen.getY(last).intValue());
            assertEquals(gui.scenario().run().monthOf(last), gui.month());
            assertMapShowsStatus(gui);
        }
        c.pressStop();
    }

    /** Draws the map field into an image and checks every state's tile has its status colour. */
    static void assertMapShowsStatus(AccordsWithUI gui) {
        int cell = 40;
        int w = (int) gui.mapField.width * cell, h = (int) gui.mapField.height * cell;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        Rectangle2D.Double all = new Rectangle2D.Double(0, 0, w, h);
        gui.mapPortrayal.draw(gui.mapField, g, new DrawInfo2D(gui, gui.mapPortrayal, all, all));
        g.dispose();
        int states = 0;
        for (StateView v : gui.states()) {
            Double2D at = gui.mapField.getObjectLocation(v);
            StateAgent a = gui.model().agent(v.index);
            assertEquals(a.status(), v.status());
            if (v.relativeHazard() > 0.7) continue; // the hazard bar covers the top of the tile
            int x = (int) ((at.x - 0.3) * cell), y = (int) ((at.y - 0.36) * cell);
            assertEquals(StatePortrayal.colorOf(a.status()).getRGB(), img.getRGB(x, y), v.id() + " is drawn as " + a.status());
            states++;
        }
        assertTrue(states >= 3, "most tiles checked");
    }

    @Test
    void theMapHasOneTilePerStateInARegionLayoutAndUnknownStatesBelow() {
        AccordsWithUI gui = gui();
        assertEquals(5, gui.states().size());
        Double2D are = gui.mapField.getObjectLocation(gui.states().get(0));
        Double2D mar = gui.mapField.getObjectLocation(gui.states().get(3));
        Double2D zzz = gui.mapField.getObjectLocation(gui.states().get(4));
        assertTrue(mar.x < are.x, "Morocco is west of the Emirates");
        assertTrue(zzz.y > TileLayout.MAP_ROWS, "a state the layout does not know goes below the map");
        java.util.Set<Double2D> places = new java.util.HashSet<>();
        for (StateView v : gui.states()) assertTrue(places.add(gui.mapField.getObjectLocation(v)), "no two tiles overlap");
        assertTrue(places.add(gui.mapField.getObjectLocation(gui.broker)));
        assertTrue(places.add(gui.mapField.getObjectLocation(gui.world)));
    }

    @Test
    void theModelTabShowsGlobalParametersWithRangesAndTheScenarioValues() throws Exception {
        AccordsWithUI gui = gui();
        new SimpleController(gui);
        sim.util.Properties p = sim.util.Properties.getProperties(gui.getSimulationInspectedObject());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < p.numProperties(); i++) {
            names.add(p.getName(i));
            Parameter def = Parameter.byPath(p.getName(i));
            Interval range = (Interval) p.getDomain(i);
            assertEquals(def.min(), range.getMin().doubleValue(), def.path());
            assertEquals(def.max(), range.getMax().doubleValue(), def.path());
            assertTrue(p.isReadWrite(i));
        }
        assertTrue(names.containsAll(List.of("model.weights.usRewards", "model.joinThreshold", "us.offerRate", "us.capacity", "world.usEngagement")), names.toString());
        assertFalse(names.contains("run.seed"), "run settings are not model parameters");
        assertEquals(3.0, ((Number) p.getValue(names.indexOf("model.weights.usRewards"))).doubleValue(), "the scenario's value, not the code default");
        assertEquals(0.9, ((Number) p.getValue(names.indexOf("world.usEngagement"))).doubleValue());
        assertEquals(List.of(), gui.parameters.overrides());
    }

    @Test
    void aParameterChangedInTheModelTabAppliesFromTheNextReplication() throws Exception {
        AccordsWithUI gui = gui();
        SimpleController c = new SimpleController(gui);
        sim.util.Properties p = sim.util.Properties.getProperties(gui.parameters);
        int i = gui.parameters.paths().indexOf("model.weights.usRewards");
        playToEnd(c);
        p.setValue(i, (Object) 0.5);
        p.setValue(gui.parameters.paths().indexOf("us.capacity"), (Object) 7);
        assertEquals(List.of("model.weights.usRewards=0.5", "us.capacity=7"), gui.parameters.overrides());
        assertEquals(3.0, gui.model().parameters().weights().usRewards(), "the finished run keeps its values");
        playToEnd(c);
        assertEquals(0.5, gui.model().parameters().weights().usRewards());
        assertEquals(7, gui.scenario().us().capacity());
        Scenario changed = loader.load(file.toString(), List.of("model.weights.usRewards=0.5", "us.capacity=7"));
        assertChartEquals(reference(changed, 1), gui.chart);

        // a combination the scenario refuses keeps the previous values, and says so in the log
        p.setValue(gui.parameters.paths().indexOf("model.exitThreshold"), (Object) 5.0);
        playToEnd(c);
        assertEquals(-0.4, gui.model().parameters().exitThreshold());
        assertTrue(gui.log.lines.get(1).contains("parameters refused"), gui.log.lines.get(1));
    }

    @Test
    void aStateInspectorShowsAttributesSourcesDriversUtilityHazardAndConditions() throws Exception {
        AccordsWithUI gui = gui();
        SimpleController c = paused(gui);
        for (int i = 0; i < 5; i++) c.pressPlay();
        AccordsModel m = gui.model();
        StateView sau = gui.states().get(2);
        StateAgent a = m.agent(2);
        ViewProperties p = sau.view();
        assertEquals("SAU", p.value("id"));
        assertEquals(a.utility(), (double) p.value("utility"));
        double sum = 0;
        for (var d : org.accords.scenario.Driver.values()) {
            assertEquals(a.driver(d), (double) p.value("driver." + d.key()));
            sum += (double) p.value("contribution." + d.key());
        }
        sum += (double) p.value("contribution.cost");
        assertEquals(a.utility(), sum, 1e-12, "the contributions add up to the utility");
        double h = org.accords.model.Hazard.of(a.utility(), m.parameters().joinThreshold(), m.parameters().temperature(), m.parameters().maxHazard());
        // statehoodPath 0.1 against x* 0.5 with c 1.0 (the test defaults): an unmet condition costs 0.4, never a gate
        assertEquals(1.0 * (0.5 - 0.1), (double) p.value("conditionCost"), 1e-12);
        assertEquals(true, p.value("conditionUnmet"));
        if (a.status() == Status.CANDIDATE) assertEquals(h, (double) p.value("hazard"));
        assertEquals("statehoodPath from 2019-06 (now 0.10: unmet, 0.40 short of 0.50)", p.value("conditions"));
        assertEquals(0.7, (double) p.value("attribute.publicOpposition"));
        assertEquals("assumption: test", p.value("source.publicOpposition"));
        assertEquals("GCC", p.value("blocs"));
        assertTrue(sau.view().isVolatile(), "inspectors refresh every month");
        c.pressStop();
    }

    @Test
    void theWorldInspectorShowsThisMonthsWorldVariables() throws Exception {
        AccordsWithUI gui = gui();
        SimpleController c = paused(gui);
        for (int i = 0; i < 12; i++) c.pressPlay(); // through 2020-12, into the war that starts in 2020-10
        AccordsModel m = gui.model();
        assertEquals("2020-12", gui.world.view().value("month"));
        assertEquals(Math.min(1, 0.9 + m.plan().scenario.worldStart(WorldVariable.GAZA_CONFLICT)), (double) gui.world.view().value("gazaConflict"), 1e-12);
        assertEquals(m.prestige(), (double) gui.world.view().value("accordsPrestige"));
        assertEquals(0.9, (double) gui.world.view().value("usEngagement"));
        c.pressStop();
    }

    @Test
    void theBrokerInspectorListsTheLiveOffers() throws Exception {
        AccordsWithUI gui = gui();
        SimpleController c = new SimpleController(gui);
        playToEnd(c);
        long offers = gui.log.entries().stream().filter(e -> e.kind() == EventKind.OFFER).count();
        assertTrue(offers > 0, "the test scenario makes offers");
        assertEquals((double) offers, gui.broker.view().value("offersMade"));
        List<String> live = new ArrayList<>();
        for (StateAgent a : gui.model().agents()) if (gui.broker.isLive(a)) live.add(a.spec.id());
        String text = (String) gui.broker.view().value("liveOffers");
        for (String id : live) assertTrue(text.contains(id), text);
        assertEquals(live.isEmpty(), text.equals("none"));
        assertEquals((double) live.size(), gui.broker.view().value("liveOfferCount"));
    }
}
