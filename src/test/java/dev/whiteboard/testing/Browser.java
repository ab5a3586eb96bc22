package dev.whiteboard.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the page tests: Debian's headless Chromium through Selenium, one profile (cookies, storage)
 * per instance, so two instances are two people. Screenshots go to {@code target/it/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final WebDriver driver;
    private final URI base;

    public Browser(URI base) {
        this(base, 1280, 800);
    }

    public Browser(URI base, int width, int height) {
        this(base, width, height, false);
    }

    /**
     * A browser that also records the pages it loads (Chromium's performance log), redirects included: see
     * {@link #documentsRequested()}. For following a sign-in or sign-out through the identity provider.
     */
    public static Browser recordingPages(URI base) {
        return new Browser(base, 1280, 800, true);
    }

    /**
     * A browser on the test gateway ({@link Gateway}): its pages at the gateway's address, its self-made certificate
     * accepted (it is trusted by nothing else).
     */
    public static Browser behind(Gateway gateway) {
        return new Browser(gateway.baseUri(), 1280, 800, false, true);
    }

    private Browser(URI base, int width, int height, boolean recordPages) {
        this(base, width, height, recordPages, false);
    }

    private Browser(URI base, int width, int height, boolean recordPages, boolean acceptInsecureCerts) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setAcceptInsecureCerts(acceptInsecureCerts);
        options.setBinary(System.getProperty("whiteboard.it.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        // the console is always recorded: a page test can check it for Content-Security-Policy violations
        options.setCapability(
                "goog:loggingPrefs",
                recordPages
                        ? Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL")
                        : Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new File(System.getProperty("whiteboard.it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** Signs in through the sign-in page (it is where the app sends a browser without a session). */
    public Browser signIn(String user, String password) {
        open("signin.html");
        find(By.id("name")).sendKeys(user);
        find(By.id("password")).sendKeys(password);
        find(By.id("signin-button")).click();
        await(d -> !d.getCurrentUrl().contains("signin.html"));
        return this;
    }

    /**
     * Sends HTTP Basic credentials with every request of this browser from now on (Chromium's DevTools protocol), as the
     * app takes them on every request: a page then needs no sign-in session, which each node of several keeps for
     * itself until sessions are shared (issue 17 item 4).
     */
    public Browser authenticatingAs(String user, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
        return this;
    }

    public WebElement find(By by) {
        return await(d -> d.findElements(by).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }

    public <T> T await(Function<WebDriver, T> condition) {
        // an element found while the page re-renders it may be gone by the time it is read: look again
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * Touch input as a phone or tablet makes it (Chrome DevTools {@code Input.dispatchTouchEvent}): {@code type} is
     * {@code touchStart}, {@code touchMove} or {@code touchEnd}; each point is {@code {x, y}} in CSS pixels of the
     * window, its index the finger's id. The page sees pointer events of type {@code touch}.
     */
    public void touch(String type, double[]... points) {
        List<Map<String, Object>> touchPoints = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            touchPoints.add(Map.of("x", points[i][0], "y", points[i][1], "id", i));
        }
        ((ChromeDriver) driver)
                .executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", touchPoints));
    }

    /**
     * Freezes the page ({@code "frozen"}: no script, no timer runs, as a tab the browser put to sleep) or wakes it up
     * ({@code "active"}: it gets the {@code resume} event), through Chrome DevTools {@code Page.setWebLifecycleState}.
     * No script can be run on a frozen page.
     */
    public void lifecycle(String state) {
        ((ChromeDriver) driver).executeCdpCommand("Page.setWebLifecycleState", Map.of("state", state));
    }

    /** A stylus stroke through {@code points} ({@code {x, y}}, CSS pixels of the window): pointer events of type pen. */
    public void penStroke(double[]... points) {
        for (int i = 0; i < points.length; i++) {
            String type = i == 0 ? "mousePressed" : "mouseMoved";
            ((ChromeDriver) driver)
                    .executeCdpCommand(
                            "Input.dispatchMouseEvent",
                            Map.of(
                                    "type",
                                    type,
                                    "x",
                                    points[i][0],
                                    "y",
                                    points[i][1],
                                    "button",
                                    "left",
                                    "buttons",
                                    1,
                                    "clickCount",
                                    1,
                                    "pointerType",
                                    "pen",
                                    "force",
                                    0.5));
        }
        double[] last = points[points.length - 1];
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Input.dispatchMouseEvent",
                        Map.of(
                                "type",
                                "mouseReleased",
                                "x",
                                last[0],
                                "y",
                                last[1],
                                "button",
                                "left",
                                "buttons",
                                0,
                                "clickCount",
                                1,
                                "pointerType",
                                "pen"));
    }

    /**
     * The URLs of the pages (documents) requested since the last call, in order, each redirect's target included;
     * only for a browser made by {@link #recordingPages(URI)}.
     */
    public List<URI> documentsRequested() {
        List<URI> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try (JsonReader reader = Json.createReader(new StringReader(entry.getMessage()))) {
                JsonObject message = reader.readObject().getJsonObject("message");
                JsonObject params = message.getJsonObject("params");
                if ("Network.requestWillBeSent".equals(message.getString("method", ""))
                        && "Document".equals(params.getString("type", ""))) {
                    urls.add(URI.create(params.getJsonObject("request").getString("url")));
                }
            }
        }
        return urls;
    }

    /**
     * The Content-Security-Policy violations the browser reported on its console since the last call (Chromium
     * writes each one there: "Refused to … because it violates the following Content Security Policy directive").
     */
    public List<String> contentSecurityPolicyViolations() {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(entry.getMessage());
            }
        }
        return violations;
    }

    public WebDriver driver() {
        return driver;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Keeps a screenshot as a test artifact, {@code target/it/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("whiteboard.it.work-dir", "target/it"))
                    .resolve("screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
