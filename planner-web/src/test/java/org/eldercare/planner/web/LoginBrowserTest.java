package org.eldercare.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.web.auth.AnonymousAccess;
import org.eldercare.planner.web.auth.AuditEntry;
import org.eldercare.planner.web.auth.AuditLog;
import org.eldercare.planner.web.auth.PasswordHashes;
import org.eldercare.planner.web.auth.Role;
import org.eldercare.planner.web.auth.SecuritySettings;
import org.eldercare.planner.web.auth.UserAccount;
import org.eldercare.planner.web.auth.UserDirectory;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in on the page, in headless Chromium (as {@link BrowserTest}; fails, never skips, without it): on a server
 * that lets nobody in anonymously the page opens on the login form; a wrong password is refused in Chinese; the
 * right one loads the map and the top bar shows the user and role (规划人员, "Planner" in English); the page's
 * fetches carry the CSRF token (a what-if answers 200, a bare fetch without the wrapper's header would be 403); the
 * audit log has the failed and the successful login; 修改密码 changes the password (only the new one signs in after);
 * signing out returns to the login form. And output encoding: on a
 * server whose township, facility and stale link are named with markup, labels, popup, selector and error banner show
 * it as text and no script runs.
 */
class LoginBrowserTest {
    static final String PASSWORD = "planner password 2";
    /** Names that would run as HTML if any part of the page wrote them as markup. */
    static final String HOSTILE = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">";
    static Javalin server;
    static Javalin hostile;
    /** A server with a GeoPackage store (saved scenarios), a planner li and a viewer wei, nobody anonymous. */
    static Javalin stored;
    @org.junit.jupiter.api.io.TempDir
    static Path storeDir;
    static final String VIEWER_PASSWORD = "viewer password 1";
    static WebDriver browser;
    static String base;
    static AuditLog audit = AuditLog.inMemory();

    @BeforeAll
    static void start() throws Exception {
        // kept in memory only: a password change is written nowhere
        UserDirectory users = UserDirectory.of(java.util.Map.of(a -> { }, List.of(
            new UserAccount("li", Role.PLANNER, PasswordHashes.hash(PASSWORD.toCharArray())))));
        ServerSettings settings = ServerSettings.offline()
            .withSecurity(SecuritySettings.withUsers(users, AnonymousAccess.NONE).withAudit(audit));
        server = PlannerServer.create(PlanningSession.of(TestCounty.data(), settings.profile()), settings)
            .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        hostile = PlannerServer.create(hostileData(), ServerSettings.offline()).start("127.0.0.1", 0);
        org.eldercare.planner.store.GeoPackageWorkspace store =
            org.eldercare.planner.store.GeoPackageWorkspace.open(storeDir.resolve("county.gpkg"));
        store.write(TestCounty.data());
        UserDirectory storeUsers = UserDirectory.of(java.util.Map.of(a -> { }, List.of(
            new UserAccount("li", Role.PLANNER, PasswordHashes.hash(PASSWORD.toCharArray())),
            new UserAccount("wei", Role.VIEWER, PasswordHashes.hash(VIEWER_PASSWORD.toCharArray())))));
        ServerSettings storeSettings = ServerSettings.offline()
            .withSecurity(SecuritySettings.withUsers(storeUsers, AnonymousAccess.NONE).withAudit(AuditLog.inMemory()));
        stored = PlannerServer.create(PlanningSession.of(TestCounty.data(), storeSettings.profile()), storeSettings,
            "county.gpkg", store).start("127.0.0.1", 0);
        browser = Chromium.start();
        Files.createDirectories(BrowserTest.SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (hostile != null) {
            hostile.stop();
        }
        if (stored != null) {
            stored.stop();
        }
    }

    /** The test county with the township 甲镇, the facility f3 and the data set named with {@link #HOSTILE}. */
    static org.eldercare.planner.model.PlanningData hostileData() {
        var d = TestCounty.data();
        var units = d.adminUnits().stream().map(u -> !u.name().equals("甲镇") ? u
            : new org.eldercare.planner.model.AdminUnit(u.code(), "甲镇" + HOSTILE, u.level(), u.parentCode(),
                u.urbanRural(), u.boundary(), u.population(), u.elderly60(), u.elderly65(), u.elderly80(),
                u.disabledElderly(), u.households(), u.synthetic())).toList();
        var facilities = d.facilities().stream().map(f -> !f.id().equals("f3") ? f
            : new org.eldercare.planner.model.Facility(f.id(), "照料中心" + HOSTILE, f.kind(), f.location(), f.beds(),
                f.nursingBeds(), f.floorAreaM2(), f.residents(), f.operator(), f.hasMedicalRoom(), f.openedYear(),
                f.careStaff(), f.adminCode(), f.synthetic())).toList();
        return d.withAdminUnits(units).withFacilities(facilities);
    }

    static String ready() {
        WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(30));
        return w.until(d -> {
            String r = d.findElement(By.tagName("body")).getAttribute("data-ready");
            return r == null || r.isEmpty() ? null : r;
        });
    }

    static void screenshot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), BrowserTest.SHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits for the page to reload (a login or logout reloads it). */
    static void reloaded(org.openqa.selenium.WebElement oldBody) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(oldBody));
    }

    static void signIn(String name, String password) {
        browser.findElement(By.id("login-name")).clear();
        browser.findElement(By.id("login-name")).sendKeys(name);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    @Test
    void signing_in_on_the_page_shows_the_user_and_role_and_sends_the_csrf_token() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        browser.get(base + "/");
        assertEquals("login", ready());
        assertTrue(browser.findElement(By.id("login-form")).isDisplayed());
        assertEquals("用户名", browser.findElement(By.cssSelector("#login-form label span")).getText());

        signIn("li", "wrong password");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
            !d.findElement(By.id("login-error")).getText().isEmpty());
        assertEquals("登录失败：用户名或密码错误", browser.findElement(By.id("login-error")).getText());

        org.openqa.selenium.WebElement before = browser.findElement(By.tagName("body"));
        signIn("li", PASSWORD);
        reloaded(before);
        assertEquals("true", ready());
        assertFalse(browser.findElement(By.id("login-form")).isDisplayed());
        assertEquals("li · 规划人员", browser.findElement(By.id("auth-user")).getText());
        assertTrue(browser.findElement(By.id("logout")).isDisplayed());
        screenshot("login-signed-in.png");

        // every fetch that may change state carries the token: the what-if answers, a request without it is refused
        Object withWrapper = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
            + "fetch('/api/what-if', {method: 'POST', headers: {'Content-Type': 'application/json'},"
            + " body: '{\"changes\":[]}'}).then(r => done(r.status));");
        assertEquals(200L, withWrapper);
        Object bare = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
            + "const x = new XMLHttpRequest(); x.open('POST', '/api/what-if'); x.onload = () => done(x.status);"
            + "x.send('{\"changes\":[]}');");
        assertEquals(403L, bare);

        browser.findElement(By.id("lang-switch")).click();
        assertEquals("li · Planner", browser.findElement(By.id("auth-user")).getText());
        assertEquals("Sign out", browser.findElement(By.id("logout")).getText());
        browser.findElement(By.id("lang-switch")).click();

        List<AuditEntry> logins = audit.entries().stream().filter(e -> e.path().equals("/api/login")).toList();
        assertEquals(List.of("login failed", "login"), logins.stream().map(AuditEntry::what).toList());

        // 修改密码: the current password and a new one; then only the new one signs in
        browser.findElement(By.id("password-toggle")).click();
        browser.findElement(By.id("password-current")).sendKeys(PASSWORD);
        browser.findElement(By.id("password-new")).sendKeys("planner password 3");
        browser.findElement(By.id("password-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
            !d.findElement(By.id("password-message")).getText().isEmpty());
        assertEquals("密码已修改", browser.findElement(By.id("password-message")).getText());

        org.openqa.selenium.WebElement signedIn = browser.findElement(By.tagName("body"));
        browser.findElement(By.id("logout")).click();
        reloaded(signedIn);
        assertEquals("login", ready());
        assertTrue(browser.findElement(By.id("login-form")).isDisplayed());
        assertEquals("logout", audit.entries().get(audit.entries().size() - 1).what());
        assertEquals("password changed", audit.entries().get(audit.entries().size() - 2).what());
        org.openqa.selenium.WebElement signedOut = browser.findElement(By.tagName("body"));
        signIn("li", "planner password 3");
        reloaded(signedOut);
        assertEquals("true", ready());
        assertEquals("li · 规划人员", browser.findElement(By.id("auth-user")).getText());
    }

    /** Saves a scenario through the page's own write helper (api.sendJson, with the CSRF wrapper); the status. */
    static Object saveThroughThePage(String name) {
        return ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
            + "import('/api.js').then(api => api.sendJson('POST', '/api/scenarios', {name: '" + name + "', changes:"
            + " [{op: 'add', kind: 'day-care-centre', lon: 117.3, lat: 28.34}]}))"
            + ".then(r => done(r.status), e => done(e.status));");
    }

    /**
     * Saving from the page on a shared server: a planner signed in on the form saves through the page's write helper
     * (201, the CSRF token added by the page; the list names li as the author); after signing out, a viewer's save
     * from the same page is refused (403) and nothing more is stored.
     */
    @Test
    void a_signed_in_planner_saves_from_the_page_and_a_viewer_is_refused() throws Exception {
        String at = "http://127.0.0.1:" + stored.port();
        browser.manage().deleteAllCookies();
        browser.get(at + "/");
        assertEquals("login", ready());
        org.openqa.selenium.WebElement before = browser.findElement(By.tagName("body"));
        signIn("li", PASSWORD);
        reloaded(before);
        assertEquals("true", ready());
        assertEquals(201L, saveThroughThePage("新站"));
        Object listed = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
            + "fetch('/api/scenarios').then(r => r.json()).then(j => done(j.scenarios.map(s => s.name + '/'"
            + " + s.savedBy).join(',')));");
        assertEquals("新站/li", listed);

        org.openqa.selenium.WebElement planner = browser.findElement(By.tagName("body"));
        browser.findElement(By.id("logout")).click();
        reloaded(planner);
        assertEquals("login", ready());
        org.openqa.selenium.WebElement signedOut = browser.findElement(By.tagName("body"));
        signIn("wei", VIEWER_PASSWORD);
        reloaded(signedOut);
        assertEquals("true", ready());
        assertEquals("wei · 查看者", browser.findElement(By.id("auth-user")).getText());
        assertEquals(403L, saveThroughThePage("旁观者方案"));
        Object after = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[0];"
            + "fetch('/api/scenarios').then(r => r.json()).then(j => done(j.scenarios.length));");
        assertEquals(1L, after);
    }

    @Test
    void names_from_the_data_and_error_messages_are_shown_as_text_never_run_as_html() throws Exception {
        String origin = "http://127.0.0.1:" + hostile.port();
        browser.manage().deleteAllCookies();
        // a stale link whose unit code is markup: the server's 404 names it, the page's banner shows it
        browser.get(origin + "/#unit=" + java.net.URLEncoder.encode(HOSTILE, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20"));
        assertEquals("true", ready());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // the township's permanent label, the unit selector and the facility's popup
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".unit-label"))
            .isEmpty());
        String labels = (String) js.executeScript("return [...document.querySelectorAll('.unit-label')]"
            + ".map(e => e.textContent).join('|')");
        assertTrue(labels.contains("甲镇" + HOSTILE), labels + " / names: " + js.executeScript("return JSON.stringify("
            + "window.planner.manager.entries.get('admin-township').features.map(f => f.properties.name))"));
        js.executeScript("window.planner.manager.entries.get('facilities').layer.eachLayer("
            + "l => { if (l.feature.id === 'f3') l.openPopup(); });");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
            By.cssSelector(".leaflet-popup-content h4")).isEmpty());
        assertEquals("照料中心" + HOSTILE, browser.findElement(By.cssSelector(".leaflet-popup-content h4")).getText());
        String banner = browser.findElement(By.id("message-text")).getText();
        assertTrue(banner.contains("<img src=x"), banner);
        boolean options = (Boolean) js.executeScript("return [...document.querySelectorAll('#unit-select option')]"
            + ".some(o => o.textContent.includes('onerror'))");
        assertTrue(options, "the township's name is an option as text");
        screenshot("hostile-names.png");
        // not one <img> from the data anywhere in the page, and none ran
        assertEquals(0L, js.executeScript("return document.querySelectorAll('img[src=\"x\"]').length"));
        assertEquals(null, js.executeScript("return window.__xss === undefined ? null : window.__xss"));
    }
}
