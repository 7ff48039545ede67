package fr.lanterne.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver (nothing downloaded). Screenshots of the pages
 * go to {@code target/screenshots}. Where chromium is not installed the browser tests are skipped, except under CI
 * ({@code LANTERNE_BROWSER_REQUIRED=1}), where that is a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LANTERNE_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("LANTERNE_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static Browser open(int port) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("LANTERNE_BROWSER_REQUIRED"))) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed "
                + "(apt-get install chromium chromium-driver): browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--lang=fr-FR", "--window-size=1280,1000");
        // The console, where Chrome reports what the Content-Security-Policy blocked (contentSecurityViolations).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, "http://localhost:" + port);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value as a date picker would (typing into one depends on the browser's locale). */
    void setValue(By by, String value) {
        WebElement field = find(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
    }

    /** Clicks and waits for the next page. */
    void clickAndWait(By by) {
        // Found and clicked again if the page was still being replaced (after a redirect) when it was found: Chrome
        // then answers that the node "does not belong to the document".
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(d -> {
                    WebElement found = d.findElement(by);
                    if (!found.isDisplayed() || !found.isEnabled()) {
                        return null;
                    }
                    found.click();
                    return found;
                });
        // Gone once the next page replaced it: Chrome says so as a stale element or as a node of another document.
        wait.until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        waitForPage();
    }

    void waitForPage() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void assertShows(String... texts) {
        String body = text();
        for (String text : texts) {
            assertThat(body).as("the page %s shows", path()).contains(text);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // The whole page, not only what fits in the window.
            Long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 6000)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The window's width as the page sees it, and how wide its content is. */
    long innerWidth() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
    }

    long scrollWidth() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The whole page at a width (the window is put back to that width, 1000 px high, afterwards). */
    void screenshot(String name, int width) {
        try {
            Files.createDirectories(SCREENSHOTS);
            resize(width);
            Long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 800), 6000)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            resize(width);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the window's width, as a phone (390) or a laptop (1366) would show the pages. */
    void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, 1000));
        wait.until(d -> ((Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth")) <= width);
    }

    /** Evaluates a script that returns a number, such as {@code document.documentElement.scrollWidth}. */
    long number(String expression) {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return " + expression)).longValue();
    }

    void signIn(String username, String password) {
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        clickAndWait(By.cssSelector("form.stacked button[type=submit]"));
        assertThat(path()).as("signed in").doesNotStartWith("/login");
    }

    void signOut() {
        clickAndWait(By.cssSelector(".site-header form button"));
    }

    /**
     * What the Content-Security-Policy refused since the last call, as Chrome wrote it in the console ("Refused to
     * execute inline script…", "Refused to apply inline style…"): a script or a style it blocks fails silently.
     */
    List<String> contentSecurityViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
