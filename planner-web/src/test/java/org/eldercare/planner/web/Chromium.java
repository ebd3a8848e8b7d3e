package org.eldercare.planner.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through /usr/bin/chromedriver (installed by scripts/setup-test-deps.sh; never
 * downloaded), in the browser tests' fixed window; fails, never skips, when it is missing.
 */
final class Chromium {
    private Chromium() {}

    static WebDriver start() {
        if (!new File(BrowserTest.CHROMIUM).canExecute() || !new File(BrowserTest.CHROMEDRIVER).canExecute()) {
            fail("Chromium is missing: " + BrowserTest.CHROMIUM + " and " + BrowserTest.CHROMEDRIVER
                + " must exist; run `bash scripts/setup-test-deps.sh` (installs Debian chromium + chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTest.CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--disable-dev-shm-usage", "--window-size=" + BrowserTest.WIDTH + "," + BrowserTest.HEIGHT,
            "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(BrowserTest.CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
