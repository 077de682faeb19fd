package org.accords.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The calibrated space cannot cross the orders the parameters' names promise. */
class ParameterSpaceTest {
    private static final ParameterSpace SPACE = Calibrator.SPACE;

    @Test
    void everyPointKeepsTheNamedOrdersAndSigns() {
        Random r = new Random(1);
        List<ParameterSpace.Dimension> dims = SPACE.dimensions();
        for (int n = 0; n < 2000; n++) {
            double[] x = new double[dims.size()];
            for (int i = 0; i < x.length; i++) {
                ParameterSpace.Dimension d = dims.get(i);
                // corners as well as the inside, and points outside the bounds (clamped)
                double u = n < 200 ? (r.nextBoolean() ? -0.1 : 1.1) : r.nextDouble();
                x[i] = d.lower() + u * (d.upper() - d.lower());
            }
            Map<String, Double> v = SPACE.values(x);
            assertTrue(v.get("model.exitThreshold") < v.get("model.joinThreshold"), v.toString());
            assertTrue(v.get("model.symbolicJoinCost") <= v.get("model.joinCost"), v.toString());
            for (var e : v.entrySet()) {
                if (!e.getKey().equals("model.exitThreshold") && !e.getKey().equals("model.joinThreshold")) {
                    assertTrue(e.getValue() >= 0, e.toString());
                }
            }
        }
    }

    @Test
    void derivedKeysByHandAndTheInverse() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String k : SPACE.keys()) values.put(k, 0.5);
        values.put("model.joinThreshold", 2.0);
        values.put("model.exitThreshold", -1.0);
        values.put("model.joinCost", 0.8);
        values.put("model.symbolicJoinCost", 0.2);
        double[] c = SPACE.coordinatesOf(values);
        List<String> names = SPACE.dimensions().stream().map(ParameterSpace.Dimension::name).toList();
        assertEquals(3.0, c[names.indexOf("exitGap")], 1e-12);
        assertEquals(0.25, c[names.indexOf("symbolicCostShare")], 1e-12);
        Map<String, Double> back = SPACE.values(c);
        for (String k : SPACE.keys()) assertEquals(values.get(k), back.get(k), 1e-12, k);
        assertEquals(SPACE.keys().size(), SPACE.size());
    }

    @Test
    void boundsReachedNamesTheCoordinateAndTheBound() {
        double[] x = new double[SPACE.size()];
        List<ParameterSpace.Dimension> dims = SPACE.dimensions();
        for (int i = 0; i < x.length; i++) x[i] = (dims.get(i).lower() + dims.get(i).upper()) / 2;
        assertEquals(List.of(), SPACE.boundsReached(x));
        int share = dims.stream().map(ParameterSpace.Dimension::name).toList().indexOf("symbolicCostShare");
        x[share] = 1;
        x[0] = 0;
        assertEquals(List.of("model.weights.iranThreat at its lower bound 0", "symbolicCostShare at its upper bound 1"), SPACE.boundsReached(x));
    }
}
