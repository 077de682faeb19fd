package org.accords.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens a generated comparison page from disk in headless Chromium (Debian's chromium and
 * chromium-driver, installed by .ci/run) and checks what a user sees: every image loaded, the
 * scenario titles, the state table. Saves a screenshot to target/compare-page.png.
 */
class CompareBrowserIT extends CliTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    Path writeHome(Path root) {
        return CompareCommandTest.compareHome(root);
    }

    @Test
    void comparisonPageShowsEveryImageTitleAndTable() throws Exception {
        org.accords.RealComponent.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium (Debian's chromium and chromium-driver, as .ci/run installs)");
        assertEquals(0, CliFixture.exec("compare", "quiet", "push", "--reps", "40", "--quiet").code());
        Path page = home.resolve("results/compare-quiet-push/index.html");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,5000", "--user-data-dir=" + home.resolve("chrome-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            browser.get(page.toUri().toString());
            List<?> broken = (List<?>) browser.executeScript(
                    "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);");
            long images = (Long) browser.executeScript("return document.images.length;");
            assertEquals(5, images, "overlay, difference, states, trajectories and drivers charts");
            assertTrue(broken.isEmpty(), "broken images: " + broken);
            long wide = (Long) browser.executeScript("return Array.from(document.images).filter(i => i.naturalWidth === 1600).length;");
            assertEquals(5, wide);
            String text = browser.findElement(By.tagName("body")).getText();
            assertTrue(text.contains("Mini scenario"), "title of the first scenario");
            assertTrue(text.contains("<script>alert('x')</script> Reward push"), "a hostile title shows as text");
            assertEquals(0L, browser.executeScript("return document.scripts.length;"), "no script may come from a scenario file");
            assertTrue(browser.findElements(By.cssSelector("table#states tr")).size() >= 5, "state table with a row per state");
            Path shot = Path.of("target", "compare-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }
}
