package com.complaintdesk.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests, driven through ChromeDriver, both from Debian's packages (chromium,
 * chromium-driver); the paths are given explicitly, so Selenium Manager never looks for or downloads a browser.
 *
 * <p>As a JUnit extension it starts a browser before each test, quits it after, and when a test fails saves a
 * screenshot and the page's HTML under target/browser-screenshots/. Without Chromium or ChromeDriver the test is
 * skipped with a message saying what to install; with the CI variable set it fails instead.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    static final Path CHROMIUM = Path.of(setting("CHROMIUM_PATH", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(setting("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(60); // Tasklist starts slowly on a busy 2-core machine

    private final String language;
    private final String windowSize;
    private WebDriver driver;
    private WebDriverWait wait;

    /** An English browser (en-US) in a 1600×1200 window. */
    public Browser() {
        this("en-US", 1600, 1200);
    }

    /** A browser whose first language is this one (zh-CN, en-US), in a window of this size. */
    public Browser(String language, int width, int height) {
        this.language = language;
        this.windowSize = width + "," + height;
    }

    /**
     * Skips the calling test class when Chromium or ChromeDriver is missing, with a message saying what to install;
     * with the CI variable set it fails instead, so CI never passes without running the browser tests.
     */
    static void assumeChromium() {
        String missing = !Files.isExecutable(CHROMIUM) ? "Chromium at " + CHROMIUM
                : !Files.isExecutable(CHROMEDRIVER) ? "ChromeDriver at " + CHROMEDRIVER : null;
        if (missing == null) {
            return;
        }
        String message = "Browser test needs " + missing + " (Debian packages chromium and chromium-driver; .ci/run installs "
                + "them; or set CHROMIUM_PATH and CHROMEDRIVER_PATH)";
        if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            fail("CI is set and the " + message);
        }
        System.out.println("SKIPPED: " + message);
        Assumptions.abort("SKIPPED: " + message);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeChromium();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        driver = new ChromeDriver(service, options);
        // Tasklist redraws its lists while a condition reads them: an element gone stale is looked up again
        wait = new WebDriverWait(driver, TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        saveEvidence(context);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        saveEvidence(context);
        throw throwable;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits (polling, up to {@link #TIMEOUT}) until the condition returns something other than null or false. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage(what).until(condition);
    }

    /** The first displayed element the locator finds, once there is one. */
    public WebElement visible(By locator) {
        return until("visible: " + locator, d -> d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Clicks the element once it is displayed and nothing covers it (a closing dialog, a list being redrawn). */
    public void click(By locator) {
        until("clickable: " + locator, d -> {
            try {
                WebElement element = d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
                if (element == null || !element.isEnabled()) {
                    return false;
                }
                // to the middle of the window: Tasklist's fixed footer covers whatever sits at the bottom edge
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
                element.click();
                return true;
            } catch (StaleElementReferenceException | ElementNotInteractableException e) {
                return false;
            }
        });
    }

    private void saveEvidence(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Browser test failed at " + driver.getCurrentUrl() + "; screenshot: " + png.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the browser screenshot: " + e);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
