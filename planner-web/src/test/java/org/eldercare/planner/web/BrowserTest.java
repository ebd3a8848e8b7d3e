package org.eldercare.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium driven through /usr/bin/chromedriver (installed by
 * scripts/setup-test-deps.sh; never downloaded). Fails, never skips, when Chromium is missing. Screenshots go to
 * planner-web/target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SHOTS = Path.of("target", "screenshots");
    // a fixed window, so that screenshots are comparable and the side panel and map both fit
    static final int WIDTH = 1440;
    static final int HEIGHT = 900;

    static Javalin server;
    static Javalin sampleServer;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("Chromium is missing: " + CHROMIUM + " and " + CHROMEDRIVER
                + " must exist; run `bash scripts/setup-test-deps.sh` (installs Debian chromium + chromium-driver)");
        }
        PlanningData data = TestCounty.data();
        server = PlannerServer.create(data, ServerSettings.offline()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        sampleServer = PlannerServer.create(SampleCounty.data(), ServerSettings.offline()).start("127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (sampleServer != null) {
            sampleServer.stop();
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    void open(String path) {
        openAt(base, path);
    }

    void openAt(String origin, String path) {
        browser.get("about:blank");
        browser.get(origin + path);
        waitUpTo(20).until(d -> {
            String ready = d.findElement(By.tagName("body")).getAttribute("data-ready");
            return ready != null && !ready.isEmpty();
        });
    }

    void screenshot(String name) throws IOException {
        File f = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    int drawnCount(String layerId) {
        return Integer.parseInt(browser.findElement(By.cssSelector("[data-layer-count='" + layerId + "']")).getText());
    }

    @Test
    @Order(1)
    void the_page_loads_and_every_layer_draws_its_features() throws IOException {
        browser.manage().deleteAllCookies();
        open("/");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.clear()");
        open("/");
        assertEquals("true", browser.findElement(By.tagName("body")).getAttribute("data-ready"));
        assertEquals("养老服务设施规划", browser.findElement(By.id("app-title")).getText());
        // expected counts from TestCounty's drawing: 1 county, 2 townships, 2 communities, 4 facilities, 2 medical,
        // 2 districts with a boundary, 2 roads, 2 district verdicts
        waitUpTo(10).until(d -> !d.findElement(By.cssSelector("[data-layer-count='roads']")).getText().equals("…"));
        assertEquals(1, drawnCount("admin-county"));
        assertEquals(2, drawnCount("admin-township"));
        assertEquals(2, drawnCount("admin-community"));
        assertEquals(4, drawnCount("facilities"));
        assertEquals(2, drawnCount("medical-facilities"));
        assertEquals(2, drawnCount("districts"));
        assertEquals(2, drawnCount("roads"));
        assertEquals(2, drawnCount("district-verdicts"));
        // and they are really on the map: SVG paths for polygons, lines and circle markers; icons for medical
        List<WebElement> paths = browser.findElements(By.cssSelector("#map svg path"));
        assertTrue(paths.size() >= 1 + 2 + 2 + 4 + 2 + 2 + 2, "paths drawn: " + paths.size());
        assertEquals(2, browser.findElements(By.cssSelector("#map .medical-icon")).size());
        // the side panel shows the county's numbers: 100 beds / 2200 elderly × 1000 = 45.5
        assertEquals("测试县", browser.findElement(By.id("unit-name")).getText());
        assertEquals("45.5", browser.findElement(By.cssSelector("[data-kpi='bedsPer1000'] .kpi-value")).getText());
        assertTrue(browser.findElement(By.cssSelector("[data-kpi='beds'] .kpi-value")).getText().startsWith("100"));
        screenshot("map-zh.png");
        // export: every drawn feature of the visible layers, 1+2+2+4+2+2+2+2 = 17
        browser.findElement(By.id("export-geojson")).click();
        waitUpTo(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-text"), "已导出 17 个要素"));
    }

    @Test
    @Order(2)
    void clicking_a_township_selects_it_and_a_facility_shows_its_popup() throws IOException {
        open("/#unit=360681002");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("unit-name"), "乙街道"));
        // B: f2 (40 beds) by position + f4 by code; 40 beds / 1000 elderly × 1000 = 40.0
        assertEquals("40.0", browser.findElement(By.cssSelector("[data-kpi='bedsPer1000'] .kpi-value")).getText());
        assertTrue(browser.findElement(By.id("facility-kinds")).getText().contains("民办养老机构"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
            "document.querySelectorAll('.leaflet-points-pane path').forEach(p => p.dispatchEvent(new MouseEvent('click', {bubbles: true})));");
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        String popup = browser.findElement(By.cssSelector(".leaflet-popup-content")).getText();
        assertTrue(popup.contains("床位") || popup.contains("类型"), popup);
        screenshot("map-street-popup.png");
    }

    @Test
    @Order(3)
    void an_api_error_is_shown_in_the_page() throws IOException {
        open("/#unit=360681009999");
        WebElement message = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        String text = message.getText();
        assertTrue(text.contains("请求失败") && text.contains("360681009999"), text);
        // and the panel falls back to the county instead of staying empty
        waitUpTo(5).until(ExpectedConditions.textToBe(By.id("unit-name"), "测试县"));
        screenshot("api-error.png");
    }

    @Test
    @Order(4)
    void the_language_switch_turns_the_interface_to_english_and_back() throws IOException {
        open("/");
        browser.findElement(By.id("lang-switch")).click();
        waitUpTo(5).until(ExpectedConditions.textToBe(By.id("app-title"), "Elderly-care facility planning"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        String control = browser.findElement(By.id("layer-control")).getText();
        assertTrue(control.contains("Elderly-service facilities") && control.contains("Townships and streets"), control);
        assertEquals("Beds per 1000 elderly",
            browser.findElement(By.cssSelector("[data-kpi='bedsPer1000'] .kpi-label")).getText());
        screenshot("map-en.png");
        // the choice survives a reload, and switching back restores Chinese
        open("/");
        assertEquals("Elderly-care facility planning", browser.findElement(By.id("app-title")).getText());
        browser.findElement(By.id("lang-switch")).click();
        waitUpTo(5).until(ExpectedConditions.textToBe(By.id("app-title"), "养老服务设施规划"));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    @Order(5)
    void the_sample_county_draws_every_feature_of_every_layer() throws Exception {
        String origin = "http://127.0.0.1:" + sampleServer.port();
        openAt(origin, "/");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.clear()");
        openAt(origin, "/");
        var layers = TestCounty.json(new String(new java.net.URL(origin + "/api/layers").openStream().readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8)).get("layers");
        assertTrue(layers.size() >= 8);
        // the first view shows the whole county, so every feature of every layer is drawn
        for (var l : layers) {
            String id = l.get("id").asText();
            waitUpTo(10).until(d -> !d.findElement(By.cssSelector("[data-layer-count='" + id + "']")).getText()
                .equals("…"));
            assertEquals(l.get("count").asInt(), drawnCount(id), id);
            assertTrue(drawnCount(id) > 0, id);
        }
        assertEquals("贵溪市", browser.findElement(By.id("unit-name")).getText());
        screenshot("guixi-zh.png");
    }
}
