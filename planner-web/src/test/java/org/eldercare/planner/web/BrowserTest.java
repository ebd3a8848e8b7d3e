package org.eldercare.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.store.GeoPackageWorkspace;
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
        PlanningData data = TestCounty.data();
        // the page's saved scenarios go into a GeoPackage store of their own, created by the first save
        Path store = Files.createTempDirectory("browser-scenarios").resolve("test-county.gpkg");
        server = PlannerServer.create(PlanningSession.of(data, ServerSettings.offline().profile()),
            ServerSettings.offline(), "test-county.gpkg", GeoPackageWorkspace.open(store)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        sampleServer = PlannerServer.create(SampleCounty.data(), ServerSettings.offline()).start("127.0.0.1", 0);
        browser = Chromium.start();
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
        // the layer switcher redraws itself whenever a layer loads: an element looked up a moment ago may be gone
        WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
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
        // the dissolved circles (f2's and f4's kinds × 5/10/15 min) and the one gap are on at start
        assertEquals(6, drawnCount("circles-by-kind"));
        assertEquals(1, drawnCount("gaps"));
        // and they are really on the map: SVG paths for polygons, lines and circle markers; icons for medical
        List<WebElement> paths = browser.findElements(By.cssSelector("#map svg path"));
        assertTrue(paths.size() >= 1 + 2 + 2 + 4 + 2 + 2 + 2, "paths drawn: " + paths.size());
        assertEquals(2, browser.findElements(By.cssSelector("#map .medical-icon")).size());
        // the side panel shows the county's numbers: 100 beds / 2200 elderly × 1000 = 45.5
        assertEquals("测试县", browser.findElement(By.id("unit-name")).getText());
        assertEquals("45.5", browser.findElement(By.cssSelector("[data-kpi='bedsPer1000'] .kpi-value")).getText());
        assertTrue(browser.findElement(By.cssSelector("[data-kpi='beds'] .kpi-value")).getText().startsWith("100"));
        screenshot("map-zh.png");
        // coverage of the county: 100 of 190 elderly within 5 minutes = 52.6 %, 150 within 15 = 78.9 %
        waitForKpi("cover5", "52.6%");
        assertEquals("78.9%", browser.findElement(By.cssSelector("[data-kpi='cover15'] .kpi-value")).getText());
        assertTrue(browser.findElement(By.cssSelector("[data-kpi='gaps'] .kpi-value")).getText().startsWith("1"));
        // the data panel counts what the travel times could not use: f1 and f3 lie 11 km from both roads
        List<WebElement> warnings = browser.findElements(By.cssSelector("#data-warnings li"));
        assertEquals(1, warnings.size());
        assertEquals("facility-off-network", warnings.get(0).getAttribute("data-code"));
        assertTrue(warnings.get(0).getText().startsWith("2个设施距道路网超过")
            && warnings.get(0).getText().contains("facilities.geometry: f1, f3"), warnings.get(0).getText());
        assertTrue(browser.findElement(By.id("data-warnings-head")).isDisplayed());
        // export: every drawn feature of the visible layers, 1+2+2+4+2+2+2+2 + 6 circles + 1 gap = 24
        browser.findElement(By.id("export-geojson")).click();
        waitUpTo(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-text"), "已导出 24 个要素"));
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
        assertTrue(layers.size() >= 14);
        turnOnEveryLayer();
        // the first view shows the whole county, so every feature of every layer is drawn
        for (var l : layers) {
            String id = l.get("id").asText();
            waitUpTo(10).until(d -> !d.findElement(By.cssSelector("[data-layer-count='" + id + "']")).getText()
                .equals("…"));
            int drawn = waitUpTo(5).until(d -> drawnCount(id));
            assertEquals(l.get("count").asInt(), drawn, id);
            assertTrue(drawn > 0, id);
        }
        assertEquals("贵溪市", browser.findElement(By.id("unit-name")).getText());
        screenshot("guixi-all-layers.png");
        // the everyday view: the layers that are on at start, the county's KPIs and its coverage chart
        openAt(origin, "/");
        waitUpTo(10).until(d -> !d.findElement(By.cssSelector("[data-layer-count='gaps']")).getText().equals("…"));
        waitUpTo(10).until(d -> !d.findElement(By.cssSelector("[data-kpi='cover15'] .kpi-value")).getText().isEmpty());
        screenshot("guixi-zh.png");
        // the coverage chart of the county's 33 townships and streets
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
            "document.getElementById('chart-title').scrollIntoView({block: 'start'})");
        screenshot("guixi-panel-chart.png");
        // two regional centres for the county by p-median on the driving network: stars and assignment lines
        WebElement summary = runSiting(2, 120);
        assertEquals(2, browser.findElements(By.cssSelector(".leaflet-siting-pane .siting-site")).size());
        assertTrue(browser.findElements(By.cssSelector(".leaflet-siting-pane path")).size() > 10);
        assertTrue(summary.getText().contains("OPTIMAL") || summary.getText().contains("FEASIBLE"), summary.getText());
        screenshot("guixi-siting.png");
    }

    /** Ticks every layer the page starts with hidden and waits until each has loaded. */
    void turnOnEveryLayer() {
        // the switcher redraws itself after each layer loads, so each box is looked up afresh
        List<String> ids = browser.findElements(By.cssSelector("#layer-control input[type=checkbox]")).stream()
            .map(b -> b.getAttribute("data-layer")).toList();
        for (String id : ids) {
            By box = By.cssSelector("#layer-control input[data-layer='" + id + "']");
            if (!waitUpTo(5).until(d -> d.findElement(box).isSelected() ? "on" : "off").equals("on")) {
                waitUpTo(5).until(d -> {
                    d.findElement(box).click();
                    return true;
                });
                waitUpTo(20).until(d -> !d.findElement(By.cssSelector("[data-layer-count='" + id + "']")).getText()
                    .equals("…"));
            }
        }
    }

    /** Clicks the map at a lon/lat with a real mouse event (Selenium moves the pointer there). */
    void clickMapAt(double lon, double lat) {
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) js.executeScript(
            "const m = window.planner.map; const r = m.getContainer().getBoundingClientRect();"
                + "const p = m.latLngToContainerPoint([arguments[1], arguments[0]]); return [r.left + p.x, r.top + p.y];",
            lon, lat);
        new org.openqa.selenium.interactions.Actions(browser)
            .moveToLocation((int) Math.round(xy.get(0).doubleValue()), (int) Math.round(xy.get(1).doubleValue()))
            .click().perform();
    }

    /** Opens the siting box, asks for {@code p} sites and waits up to {@code seconds} for the result's summary. */
    WebElement runSiting(int p, int seconds) {
        browser.findElement(By.id("siting-toggle")).click();
        WebElement count = browser.findElement(By.id("siting-p"));
        count.clear();
        count.sendKeys(Integer.toString(p));
        browser.findElement(By.id("siting-run")).click();
        return waitUpTo(seconds).until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#siting-result .siting-summary")));
    }

    /** Waits up to 10 s until the KPI {@code key} shows {@code text}. */
    void waitForKpi(String key, String text) {
        waitUpTo(10).until(ExpectedConditions.textToBe(By.cssSelector("[data-kpi='" + key + "'] .kpi-value"), text));
    }

    /** Opens the page on B1 (100 of its 190 elderly within 5 minutes) and turns the what-if mode on. */
    void openWhatIfOnB1() {
        open("/#unit=360681002001");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("unit-name"), "乙一社区"));
        waitForKpi("cover5", "52.6%");
        browser.findElement(By.id("whatif-toggle")).click();
    }

    String kpi(String key) {
        return browser.findElement(By.cssSelector("[data-kpi='" + key + "'] .kpi-value")).getText();
    }

    @Test
    @Order(6)
    void a_what_if_day_care_centre_at_p3_raises_the_5_minute_coverage_and_reset_restores_it() throws IOException {
        openWhatIfOnB1();
        assertTrue(browser.findElement(By.id("whatif-box")).isDisplayed());
        // p3 (117.30, 28.34) holds 40 uncovered elderly: a day-care centre there covers them within 5 minutes,
        // 140 / 190 = 73.7 %, and 15-minute coverage rises from 150 to 190 = 100 %
        clickMapAt(117.3, 28.34);
        waitForKpi("cover5", "73.7%");
        assertEquals("100.0%", kpi("cover15"));
        String delta = browser.findElement(By.cssSelector("[data-delta='cover5']")).getText();
        assertTrue(delta.contains("+40"), delta);
        assertEquals("0", kpi("notCovered").replaceAll("[^0-9]", ""));
        assertEquals("0", kpi("gaps").replaceAll("[^0-9]", ""));
        // its three circles are drawn
        assertTrue(browser.findElements(By.cssSelector(".leaflet-circles-pane path")).size() >= 3);
        screenshot("what-if.png");
        // "另存为情景文件" downloads the scenario file from /api/what-if/scenario (its length lands in a data attribute)
        browser.findElement(By.id("whatif-save")).click();
        waitUpTo(10).until(d -> !String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
            .executeScript("return document.body.dataset.whatifSaved || ''")).isEmpty());
        browser.findElement(By.id("whatif-reset")).click();
        waitForKpi("cover5", "52.6%");
        assertTrue(browser.findElements(By.cssSelector("[data-delta='cover5']")).isEmpty());
        browser.findElement(By.id("whatif-toggle")).click();
    }

    @Test
    @Order(8)
    void siting_one_centre_draws_f2_with_its_assignment_lines() throws IOException {
        open("/");
        // f2 is the nearer of the two institutions for all three demand points (see AnalysisEndpointsTest)
        WebElement summary = runSiting(1, 30);
        assertTrue(summary.getText().contains("乙养老院"), summary.getText());
        assertEquals(1, browser.findElements(By.cssSelector(".leaflet-siting-pane .siting-site")).size());
        assertEquals(3, browser.findElements(By.cssSelector(".leaflet-siting-pane path")).size());
        screenshot("siting.png");
    }

    @Test
    @Order(7)
    void a_drawn_district_gets_its_verdict_with_the_clause() throws IOException {
        open("/#unit=360681002");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("unit-name"), "乙街道"));
        browser.findElement(By.id("district-toggle")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("district-shape"), "单击"));
        // a square east of r2, drawn vertex by vertex and closed on its first vertex
        clickMapAt(117.33, 28.12);
        clickMapAt(117.37, 28.12);
        clickMapAt(117.37, 28.16);
        clickMapAt(117.33, 28.16);
        clickMapAt(117.33, 28.12);
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("district-shape"), "已绘制"));
        WebElement households = browser.findElement(By.id("district-households"));
        households.clear();
        households.sendKeys("1000");
        WebElement areas = browser.findElement(By.id("district-areas"));
        areas.clear();
        areas.sendKeys("150");
        browser.findElement(By.id("district-submit")).click();
        // new district: 1000 households × 20 m² / 100 = 200 m² required, 150 provided
        WebElement verdict = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#district-result .verdict")));
        assertEquals("fail", verdict.getAttribute("data-verdict"));
        String text = verdict.getText();
        assertTrue(text.contains("不达标") && text.contains("200") && text.contains("50"), text);
        assertTrue(text.contains("建规〔2014〕100号"), text);
        screenshot("district-check.png");
    }

    String bedsTarget() {
        return browser.findElement(By.cssSelector("[data-kpi='bedsPer1000'] .kpi-target")).getText();
    }

    @Test
    @Order(9)
    void the_profile_selector_puts_a_profile_in_force_and_each_target_names_its_own_clause() throws IOException {
        open("/");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("[data-kpi='bedsPer1000'] .kpi-target")).isEmpty());
        // the national baseline's 35 is 长治 2019 §二's figure: named as the national profile's target, borrowed
        assertEquals("national 目标 ≥ 35.0 · 长治 2019 §二（借用 changzhi-2019 的条款）", bedsTarget());
        org.openqa.selenium.support.ui.Select profiles =
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("profile-select")));
        assertEquals("national", profiles.getFirstSelectedOption().getAttribute("value"));
        assertEquals(List.of("national", "changzhi-2019", "dongxiang-2020", "wendeng-2021", "wengan-2023",
            "wuzhong-2023"), profiles.getOptions().stream().map(o -> o.getAttribute("value")).toList());
        // 吴忠 2023 sets its own 35 in §一(一)2; 长治 2019 its §二, now its own clause
        profiles.selectByValue("wuzhong-2023");
        waitUpTo(10).until(d -> bedsTarget().startsWith("wuzhong-2023"));
        assertEquals("wuzhong-2023 目标 ≥ 35.0 · 吴忠 2023 §一(一)2", bedsTarget());
        profiles.selectByValue("changzhi-2019");
        waitUpTo(10).until(d -> bedsTarget().startsWith("changzhi-2019"));
        assertEquals("changzhi-2019 目标 ≥ 35.0 · 长治 2019 §二", bedsTarget());
        // the value itself is the data's, whatever the profile: 100 beds / 2200 elderly × 1000
        assertEquals("45.5", kpi("bedsPer1000"));
        screenshot("profile-changzhi.png");
    }

    void saveScenarioAs(String name) {
        WebElement input = browser.findElement(By.id("scenario-name"));
        input.clear();
        input.sendKeys(name);
        browser.findElement(By.id("scenario-save")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-scenario='" + name + "']")));
    }

    @Test
    @Order(10)
    void scenarios_are_saved_reopened_into_the_what_if_compared_and_the_diff_exported() throws IOException {
        openWhatIfOnB1();
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-scenarios")));
        assertEquals("尚无保存的方案", browser.findElement(By.cssSelector("#saved-list .empty")).getText());
        // 新站: a day-care centre at p3 (as in the what-if test): 140 / 190 within 5 min
        clickMapAt(117.3, 28.34);
        waitForKpi("cover5", "73.7%");
        saveScenarioAs("新站");
        // 东站: a centre on r2 at 28.31: p2 (28.306) is 445 m = 7.4 min from it, so 150 / 190 within 10 min
        browser.findElement(By.id("whatif-reset")).click();
        waitForKpi("cover5", "52.6%");
        clickMapAt(117.3, 28.31);
        waitForKpi("cover10", "78.9%");
        saveScenarioAs("东站");
        List<WebElement> saved = browser.findElements(By.cssSelector("#saved-list li[data-scenario]"));
        // listed by name (Unicode order: 东 U+4E1C before 新 U+65B0), each revision 1 with one change
        assertEquals(List.of("东站", "新站"), saved.stream().map(e -> e.getAttribute("data-scenario")).toList());
        assertEquals("第1版 · 1项", saved.get(0).findElement(By.cssSelector(".saved-meta")).getText());

        // reopen 新站: its change comes back into the what-if panel and is run again
        browser.findElement(By.id("whatif-reset")).click();
        waitForKpi("cover5", "52.6%");
        browser.findElement(By.cssSelector("[data-open='新站']")).click();
        waitForKpi("cover5", "73.7%");
        assertEquals(1, browser.findElements(By.cssSelector("#whatif-changes li:not(.empty)")).size());
        assertEquals("新站", browser.findElement(By.id("scenario-name")).getAttribute("value"));
        // saving it again under its name asks first, then replaces exactly the revision listed: revision 2
        browser.findElement(By.id("scenario-save")).click();
        org.openqa.selenium.Alert overwrite = waitUpTo(10).until(ExpectedConditions.alertIsPresent());
        assertEquals("方案“新站”已存在（第1版）。覆盖它吗？", overwrite.getText());
        overwrite.accept();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.cssSelector("[data-scenario='新站'] .saved-meta"), "第2版 · 1项"));

        // compare 东站 → 新站 at the service circle (15 min): B1 150 → 190 covered, +40; the county the same
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("compare-a"))).selectByValue("东站");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("compare-b"))).selectByValue("新站");
        browser.findElement(By.id("compare-run")).click();
        WebElement b1 = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".compare-table tr[data-unit='360681002001']")));
        List<String> cells = b1.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals("乙一社区", cells.get(0));
        assertEquals("150 → 190", cells.get(1));
        assertEquals("+40", cells.get(2));
        assertEquals("78.9% → 100.0%", cells.get(3));
        List<String> total = browser.findElements(By.cssSelector(".compare-table tr[data-unit='total'] td")).stream()
            .map(WebElement::getText).toList();
        assertEquals(List.of("合计", "150 → 190", "+40"), total.subList(0, 3));
        // "导出差异 (CSV)" links the CSV export of the same diff
        WebElement export = browser.findElement(By.id("compare-export"));
        assertEquals("导出差异 (CSV)", export.getText());
        String csv = String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('compare-export').href).then(r => r.text()).then(done);"));
        assertTrue(csv.contains("\nunit,360681002001,乙一社区,community,190,190,150,190,40,"), csv);
        screenshot("saved-scenarios.png");

        // delete 东站 (after the confirmation): only 新站 is left
        browser.findElement(By.cssSelector("[data-delete='东站']")).click();
        browser.switchTo().alert().accept();
        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#saved-list li[data-scenario]"), 1));
        assertEquals("新站", browser.findElement(By.cssSelector("#saved-list li[data-scenario]"))
            .getAttribute("data-scenario"));
        browser.findElement(By.id("whatif-reset")).click();
        browser.findElement(By.id("whatif-toggle")).click();
    }
}
