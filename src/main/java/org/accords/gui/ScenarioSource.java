package org.accords.gui;

import java.util.List;
import org.accords.scenario.Scenario;

/**
 * Where the GUI gets its scenario: the command line's scenario with its own fragments and
 * {@code --set} overrides, then the parameter changes made in the Console ({@code key=value},
 * applied last). The GUI knows nothing of files or the command line.
 */
@FunctionalInterface
public interface ScenarioSource {
    /** @throws org.accords.scenario.BadInputException when an override is refused */
    Scenario load(List<String> overrides);
}
