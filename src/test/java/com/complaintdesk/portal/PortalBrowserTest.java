package com.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal in a real headless Chromium at a phone's width: a merchant files a complaint, uploads a photo and sees it
 * on the status page with the decision due date. Uses the machine's /usr/bin/chromium and /usr/bin/chromedriver (Selenium
 * Manager is never asked to download anything). Skipped where they are missing, unless CI is set: then it fails.
 */
@ComplaintDeskSpringTest
@Tag("browser")
class PortalBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort int port;
    @Autowired ComplaintRecords records;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (System.getenv("CI") == null) {
            assumeTrue(present, "SKIPPED: the browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
                    + "(apt-get install chromium chromium-driver); CI installs them and runs it");
        } else {
            assertTrue(present, "CI is set but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=390,844", "--lang=zh-CN");
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMerchantFilesAComplaintUploadsAPhotoAndSeesItWithTheDecisionDueDate(@TempDir Path folder) throws Exception {
        browser.get("http://localhost:" + port + "/portal/");
        // the page's words come from the message bundles (GET /api/portal/words) once the page has loaded
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "商户投诉服务"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.cssSelector("label[for=complainantName]")).getText()).contains("联系人姓名");
        assertThat(new Select(browser.findElement(By.id("category"))).getOptions()).as("the categories with the enum's labels")
                .extracting(WebElement::getText).contains("技术故障", "手续费争议").doesNotContain("终端故障");

        type("complainantName", "陈小明");
        type("complainantPhone", "13600136000");
        type("merchantId", "M-" + TestIds.digits());
        type("terminalSerial", "T-55501");
        new Select(browser.findElement(By.id("category"))).selectByValue("TECHNICAL_FAULT");
        type("description", "刷卡后终端黑屏 <b>死机</b>");
        browser.findElement(By.cssSelector("#file-form button[type=submit]")).click();

        WebElement filed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
        String number = filed.findElement(By.id("filed-number")).getText();
        assertThat(number).matches("CP-\\d{8}-\\d{6}");
        assertThat(filed.findElement(By.id("filed-code")).getText()).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");
        wait.until(ExpectedConditions.textToBe(By.id("c-number"), number));
        String due = records.get(number).getRegisteredAt().atZone(BusinessTime.ZONE).toLocalDate().plusDays(15).toString();
        assertThat(browser.findElement(By.id("c-due")).getText()).isEqualTo(due);
        assertThat(browser.findElement(By.id("c-status")).getText()).isEqualTo("已登记");

        Path photo = folder.resolve("终端黑屏.png");
        Files.write(photo, PortalApi.png(64, 48));
        browser.findElement(By.id("evidenceFiles")).sendKeys(photo.toString());
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("c-evidence"), "终端黑屏.png"));
        assertThat(browser.findElement(By.id("c-evidence")).getText()).contains("image/png");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("证据已上传");
        assertThat(browser.findElement(By.id("c-timeline")).getText()).contains("Evidence received");
        assertThat(browser.findElement(By.id("c-due")).getText()).isEqualTo(due);
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling at a phone's width").isLessThanOrEqualTo(0);
        assertThat(browser.findElement(By.id("c-timeline")).getText()).as("the milestone's label, not its code")
                .contains("投诉已登记").doesNotContain("REGISTERED");
        assertThat(browser.findElement(By.id("privacy")).getText()).as("the personal-information notice").contains("个人信息保护法");
        assertThat(browser.findElement(By.id("contact")).getText()).as("the contact line").isNotBlank();
        screenshot("portal-status-zh.png");

        assertThat(browser.findElement(By.id("language")).getText()).isEqualTo("English");
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Merchant complaints"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("language")).getText()).isEqualTo("中文");
        assertThat(new Select(browser.findElement(By.id("category"))).getFirstSelectedOption().getDomProperty("textContent"))
                .as("the choice kept (the form is hidden once filed), its label in English").isEqualTo("Technical fault");
        // the labels come from the server in the page's language: the complaint is asked for again
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("c-status"), "Registered"));
        assertThat(browser.findElement(By.id("privacy")).getText()).contains("PIPL");
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    /** Kept in target/ for a person to look at. */
    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
