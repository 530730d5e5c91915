package io.holdfast.view.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver} (browsers cannot be
 * downloaded at test time here; Selenium Manager is never asked). Paths can be moved with
 * {@code -Dholdfast.chromium=…} and {@code -Dholdfast.chromedriver=…}. Missing packages fail the test with how to
 * install them — the browser tests never skip. ChromeDriver's log (one line per command, its timeouts) is kept in
 * {@code target/chromedriver.log}.
 */
final class Browsers {

    static final String CHROMIUM = System.getProperty("holdfast.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("holdfast.chromedriver", "/usr/bin/chromedriver");

    private Browsers() {
    }

    static ChromeDriver start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The console's browser tests need headless Chromium: " + CHROMIUM
                    + " and " + CHROMEDRIVER + " were not found. Install Debian's packages with "
                    + "`apt-get install -y chromium chromium-driver` (etc/test.sh does it when run as root), or point "
                    + "-Dholdfast.chromium and -Dholdfast.chromedriver at them.");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("holdfast-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .withLogFile(new File("target", "chromedriver.log")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
