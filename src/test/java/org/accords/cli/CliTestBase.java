package org.accords.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An accords home in a temporary folder, set as accords.home for the test and restored after it. */
abstract class CliTestBase {
    @TempDir
    Path root;

    Path home;
    private String savedHome;

    /** Writes the home's scenarios/ folder; by default the mini scenario and its roster. */
    Path writeHome(Path root) {
        return CliFixture.home(root);
    }

    @BeforeEach
    void setUpHome() {
        savedHome = System.getProperty("accords.home");
        home = writeHome(root);
        System.setProperty("accords.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (savedHome == null) System.clearProperty("accords.home");
        else System.setProperty("accords.home", savedHome);
    }
}
