package com.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.LifecycleVariables;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk's Tasklist as the desk sets it up (issue 13): in Chinese for a Chinese browser and in English for an English
 * one, landing on the department's queue, without the Camunda 8 banner; the complaint number shown at once after
 * Start; form-js messages in Chinese with English; a correction that hides the offending field frees Complete
 * (triage's duplicate number); the start and triage forms' choices reachable at 1366×768. Changing a due date in
 * Tasklist's date picker is not driven here yet (TaskUpdateFormRefFilterTest covers the workaround on its own).
 */
@ComplaintDeskSpringTest
@Tag("browser")
class ClerkTasklistBrowserTest {

    static final Path SCREENSHOT = Browser.SCREENSHOTS.resolve("tasklist-zh.png");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @Nested
    class ChineseBrowserAt1366x768 {

        @RegisterExtension
        final Browser browser = new Browser("zh-CN", 1366, 768);

        @Test
        void aClerkRegistersInChineseSeesTheNumberAtOnceAndCorrectsTheTriage() throws Exception {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            String merchant = "M-ZH-" + System.nanoTime();
            tasklist.logInAs("wang.fang", "demo");

            // Tasklist in Chinese, on the department's queue, the clerk's name family name first, no banner
            browser.visible(By.xpath("//*[@cam-tasklist-filters]//div[contains(@class,'task-filter') and contains(@class,'active')]"
                    + "[contains(., '客户服务部 Customer service')]"));
            browser.visible(By.xpath("//a[contains(normalize-space(.), '启动流程')]"));
            browser.visible(By.xpath("//*[contains(normalize-space(.), '王芳')]"));
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                    .noneMatch(WebElement::isDisplayed);

            // the start form: Start without the required fields answers in Chinese with English
            browser.click(By.xpath("//a[contains(normalize-space(.), '启动流程')]"));
            browser.click(By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
                    + Tasklist.literal(StaffFlowBrowserTest.PROCESS_NAME) + "]"));
            browser.visible(By.cssSelector(".modal-content .fjs-form"));
            browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='启动']"));
            browser.visible(By.xpath("//*[contains(@class,'fjs-form-field-error')][contains(., '请填写此项 This field is required.')]"));

            tasklist.choose("Channel", "Hotline");
            tasklist.type("Complainant name", "刘建国");
            tasklist.type("Phone", "139 1234 5678");
            tasklist.type("Merchant ID", merchant);
            tasklist.type("Terminal serial number", "LKL-A8-004217");
            tasklist.choose("Category", "Technical fault");
            tasklist.type("Description", "终端每天死机三四次 terminal freezes three or four times a day");
            browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='启动']"));

            // the number at once, with the triage task a click away
            String number = await().atMost(Duration.ofSeconds(30)).until(() -> businessKeyOf(merchant), key -> key != null);
            browser.visible(By.xpath("//*[@id='complaint-desk-started']//*[contains(@class,'complaint-number')][normalize-space(.)='"
                    + number + "']"));
            browser.visible(By.xpath("//*[contains(@class,'notifications')]//*[contains(., '流程已启动')]"));
            browser.click(By.cssSelector("#complaint-desk-started a.open-task"));
            browser.visible(By.xpath("//*[@cam-tasklist-task]//h2[contains(normalize-space(.), '分诊投诉')]"));
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));

            // triage: a wrong duplicate number is refused; unticking "duplicate" hides it and frees Complete
            Task triage = taskOf(number, "Task_TriageComplaint");
            claimIfOffered(browser);
            tasklist.tick("Duplicate of an earlier complaint");
            tasklist.type("Original complaint number", "12345"); // form-js checks the pattern as the clerk types
            browser.visible(By.xpath("//*[contains(@class,'fjs-form-field-error')][contains(., '格式不正确')]"));
            browser.until("Complete disabled while the number is wrong", d -> !d.findElement(completeButton()).isEnabled());
            tasklist.untick("Duplicate of an earlier complaint");
            browser.until("Complete free again", d -> d.findElement(completeButton()).isEnabled());

            // Not yet checked here: changing the due date in Tasklist's date picker and saving it (the workaround for the
            // task's camundaFormRef is config/TaskUpdateFormRefFilter, tested on its own in TaskUpdateFormRefFilterTest).
        }
    }

    @Nested
    class EnglishBrowserAt1920x1080 {

        @RegisterExtension
        final Browser browser = new Browser("en-US", 1920, 1080);

        @Test
        void theSameTasklistSpeaksEnglishToAnEnglishBrowser() {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            tasklist.logInAs("li.na", "demo");
            browser.visible(By.xpath("//*[@cam-tasklist-filters]//div[contains(@class,'task-filter') and contains(@class,'active')]"
                    + "[contains(., '客户服务部 Customer service')]"));
            browser.visible(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
            assertThat(browser.driver().findElements(By.xpath("//a[contains(normalize-space(.), '启动流程')]"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
        }
    }

    private static void claimIfOffered(Browser browser) {
        if (!browser.driver().findElements(By.cssSelector("[cam-tasklist-task] button.claim")).isEmpty()) {
            browser.click(By.cssSelector("[cam-tasklist-task] button.claim"));
            browser.until("task claimed", d -> d.findElements(By.cssSelector("[cam-tasklist-task] button.claim")).isEmpty());
        }
    }

    private static By completeButton() {
        return By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']");
    }

    private String businessKeyOf(String merchantId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)
                .variableValueEquals(LifecycleVariables.MERCHANT_ID, merchantId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private Task taskOf(String number, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }
}
