package com.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk's Tasklist as the desk sets it up (issue 13): in Chinese for a Chinese browser and in English for an English
 * one, landing on the department's queue, without the Camunda 8 banner; the complaint number shown at once after
 * Start; form-js messages in Chinese with English; due and follow-up dates changed in Tasklist's own date picker and
 * saved; the task list in words (category, department, priority) with relative times in the browser's language;
 * another department's task by URL named plainly and out of the way of the next task; every choice of the forms with
 * conditional fields ({@link FormCorrections#FORMS}, reached through {@link FormHarness}) reachable at 1366×768 and at
 * 1920×1080, and at 1366×768 each of them refused and corrected ({@link FormCorrections#correct}).
 */
@ComplaintDeskSpringTest
@Tag("browser")
class ClerkTasklistBrowserTest {

    static final Path SCREENSHOT = Browser.SCREENSHOTS.resolve("tasklist-zh.png");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired IntakeService intake;

    @Nested
    class ChineseBrowserAt1366x768 {

        @RegisterExtension
        final Browser browser = new Browser("zh-CN", 1366, 768);

        @Test
        void aClerkRegistersInChineseSeesTheNumberAtOnceAndCorrectsTheTriage() throws Exception {
            Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
            String merchant = "M-ZH-" + TestIds.digits();
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
            // Tasklist's own notice (it fades after a few seconds) is left in place by the desk's
            browser.visible(By.xpath("//*[contains(@class,'notifications')]//*[contains(., '流程已启动')]"));

            // the number at once, with the triage task a click away
            String number = await().atMost(Duration.ofSeconds(30)).until(() -> businessKeyOf(merchant), key -> key != null);
            browser.visible(By.xpath("//*[@id='complaint-desk-started']//*[contains(@class,'complaint-number')][normalize-space(.)='"
                    + number + "']"));
            browser.click(By.cssSelector("#complaint-desk-started a.open-task"));
            browser.visible(By.xpath("//*[@cam-tasklist-task]//h2[contains(normalize-space(.), '分诊投诉')]"));
            browser.visible(By.cssSelector("[cam-tasklist-task] .fjs-form"));
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

            // the due date and the follow-up date changed in Tasklist's own date picker and saved
            LocalDateTime due = LocalDate.now().plusMonths(1).withDayOfMonth(15).atTime(16, 30);
            LocalDateTime followUp = LocalDate.now().plusMonths(1).withDayOfMonth(10).atTime(9, 15);
            pickDate(browser, "due-date", due);
            pickDate(browser, "followup-date", followUp);
            ZoneId browserZone = ZoneId.of((String) ((JavascriptExecutor) browser.driver())
                    .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"));
            await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().taskId(triage.getId()).singleResult(),
                    saved -> minute(saved.getDueDate(), browserZone).equals(due) && minute(saved.getFollowUpDate(), browserZone).equals(followUp));
            assertThat(browser.driver().findElements(By.cssSelector(".notifications .alert-danger"))).noneMatch(WebElement::isDisplayed);

            // the task list in words: labels for category and priority, Chinese relative times
            String listed = cardText(browser, triage.getId());
            assertThat(listed).contains("技术故障 Technical fault", "未定 Not yet set").doesNotContain("TECHNICAL_FAULT");
            assertThat(browser.visible(By.cssSelector("[cam-tasks] a[href='#/?task=" + triage.getId() + "']"))
                    .findElement(By.xpath("ancestor::li[1]")).findElement(By.cssSelector(".priority")).getText())
                    .isEqualTo("未定 Not yet set");
            browser.until("due date in Chinese words", d -> d.findElement(taskCard(triage.getId()))
                    .findElement(By.cssSelector(".due-date [am-time-ago]")).getText().matches(".*\\d+ 天后|.*个月后"));

            // another department's task by URL: a plain notice, gone when the clerk opens the next task
            Task other = routedToTechnicalSupport(triage);
            String mine = triageOfNewComplaint("M-ZH-NEXT-" + TestIds.digits());
            browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + other.getId());
            browser.visible(By.xpath("//*[contains(@class,'notifications')]//*[contains(., '此任务不在您的任务范围内')]"
                    + "[contains(., 'belongs to another department')]"));
            assertThat(browser.driver().findElement(By.cssSelector(".notifications")).getText()).doesNotContain("No matching task");
            tasklist.seeInFilter("客户服务部 Customer service", mine);
            tasklist.openAndClaim(mine, "分诊投诉");
            browser.until("notice closed", d -> d.findElements(By.xpath("//*[contains(@class,'notifications')]"
                    + "//*[contains(., '此任务不在您的任务范围内')]")).stream().noneMatch(WebElement::isDisplayed));
            assertThat(topmostAtCentre(browser, completeButton())).as("nothing lies over Complete").isTrue();

            // technical support's list: its department and priority in words
            tasklist.logInAs("liu.yang", "demo");
            tasklist.seeInFilter("技术支持部 Technical support", other.getId());
            String routed = cardText(browser, other.getId());
            assertThat(routed).contains("技术故障 Technical fault", "技术支持部 Technical support")
                    .containsPattern("[高中低] (High|Medium|Low)").doesNotContain("TECHNICAL_FAULT", "technical-support");

            // the forms with conditional fields: their choices reachable at 1366×768, their corrections free Complete
            tasklist.logInAs("admin", "admin");
            try (FormHarness harness = forms()) {
                correctEveryForm(browser, tasklist, harness);
            }
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

            // relative times in English
            String task = triageOfNewComplaint("M-EN-" + TestIds.digits());
            tasklist.seeInFilter("客户服务部 Customer service", task);
            browser.until("due date in English words", d -> d.findElement(taskCard(task))
                    .findElement(By.cssSelector(".due-date [am-time-ago]")).getText().matches("in .*"));

            // every choice of the forms with conditional fields reachable at 1920×1080 as well
            tasklist.logInAs("admin", "admin");
            try (FormHarness harness = forms()) {
                for (String form : FormCorrections.FORMS) {
                    openForm(browser, harness, form);
                    everyChoiceReachable(browser, form);
                }
            }
        }
    }

    // ---- the forms ----

    /** The desk's forms with conditional fields (and the triage, whose lists are long), on tasks of the admin. */
    private FormHarness forms() {
        return new FormHarness(repositoryService, runtimeService, taskService, FormCorrections.FORMS, "admin",
                Map.of("feeAuditRefund", 18.0));
    }

    private void correctEveryForm(Browser browser, Tasklist tasklist, FormHarness harness) {
        FormCorrections corrections = new FormCorrections(browser, tasklist);
        for (String form : FormCorrections.FORMS) {
            openForm(browser, harness, form);
            everyChoiceReachable(browser, form);
            // a fresh form for the corrections when the check left errors: form-js validates a select it has left
            // (opened and closed without a pick) at once
            if (browser.driver().findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error")).stream()
                    .anyMatch(e -> e.isDisplayed() && !e.getText().isBlank())) {
                browser.driver().navigate().refresh();
                openForm(browser, harness, form);
            }
            corrections.correct(form);
        }
    }

    private void openForm(Browser browser, FormHarness harness, String form) {
        browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + harness.taskOf(form));
        browser.visible(By.xpath("//*[@cam-tasklist-task]//h2[normalize-space(.)=" + Tasklist.literal(form) + "]"));
        browser.visible(By.cssSelector("[cam-tasklist-task] .fjs-form"));
    }

    /**
     * Every option of every select and radio group of the form can be brought into view above Tasklist's footer and
     * is the element a click there reaches, as the clerk would scroll to it.
     */
    private static void everyChoiceReachable(Browser browser, String form) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        List<WebElement> selects = browser.driver().findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-select"))
                .stream().filter(WebElement::isDisplayed).toList();
        for (WebElement select : selects) {
            WebElement opener = select.findElement(By.cssSelector(".fjs-input-group"));
            js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", opener);
            assertThat(reachable(js, opener)).as("%s: the select %s", form, select.getText()).isTrue();
            opener.click();
            List<WebElement> items = browser.until("options of " + select.getText(),
                    d -> { List<WebElement> found = select.findElements(By.cssSelector(".fjs-dropdownlist-item")); return found.isEmpty() ? null : found; });
            for (WebElement item : items) {
                assertThat(reachable(js, item)).as("%s: option %s", form, item.getText()).isTrue();
            }
            browser.driver().findElement(By.cssSelector("[cam-tasklist-task] h2")).click(); // closes the list
            browser.until("options closed", d -> select.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty());
        }
        for (WebElement radio : browser.driver().findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-radio input[type='radio']"))) {
            assertThat(reachable(js, radio)).as("%s: radio %s", form, radio.getDomProperty("value")).isTrue();
        }
    }

    /** Scrolled into view, the element lies between the header and the footer and is what a click at its centre reaches. */
    private static boolean reachable(JavascriptExecutor js, WebElement element) {
        return Boolean.TRUE.equals(js.executeScript("""
                const el = arguments[0];
                el.scrollIntoView({block: 'center', behavior: 'instant'}); // as far as the page lets the clerk scroll; instant: form-js's lists scroll smoothly
                const r = el.getBoundingClientRect();
                const footer = document.querySelector('[cam-widget-footer]');
                const bottom = footer ? footer.getBoundingClientRect().top : window.innerHeight;
                const header = document.querySelector('[cam-widget-header]');
                const top = header ? header.getBoundingClientRect().bottom : 0;
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5
                    && hit !== null && (hit === el || el.contains(hit) || hit.contains(el) || (el.labels && [...el.labels].some(l => l.contains(hit))));
                """, element));
    }

    private static boolean topmostAtCentre(Browser browser, By locator) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("""
                const el = arguments[0];
                el.scrollIntoView({block: 'center'});
                const r = el.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return hit !== null && (hit === el || el.contains(hit));
                """, browser.visible(locator)));
    }

    /** Opens the task's due or follow-up date in Tasklist's picker, picks the day of the month and the time, saves. */
    private static void pickDate(Browser browser, String field, LocalDateTime when) {
        browser.click(By.cssSelector("[cam-tasklist-task-meta] ." + field + " .view-value"));
        By picker = By.cssSelector(".cam-widget-inline-field.field-control.datepicker");
        browser.visible(picker);
        // from the month shown (the current value's) to the one wanted
        browser.until("month of " + when, d -> {
            String title = d.findElement(picker).findElement(By.cssSelector("button.uib-title")).getText();
            // the title reads "December 2026" (the picker's own English month names)
            String[] monthAndYear = title.trim().split("\\s+");
            int shown = Integer.parseInt(monthAndYear[1]) * 12 + java.time.Month.valueOf(monthAndYear[0].toUpperCase()).getValue();
            int wanted = when.getYear() * 12 + when.getMonthValue();
            if (shown == wanted) {
                return true;
            }
            d.findElement(picker).findElement(By.cssSelector(wanted > shown ? "button.uib-right" : "button.uib-left")).click();
            return false;
        });
        browser.click(By.xpath("//span[contains(@class,'field-control') and contains(@class,'datepicker')]//td[contains(@class,'uib-day')]"
                + "/button[span[not(contains(@class,'text-muted'))][number(normalize-space(.))=" + when.getDayOfMonth() + "]]"));
        setTime(browser, picker, "hours", when.getHour());
        setTime(browser, picker, "minutes", when.getMinute());
        browser.click(By.cssSelector(".cam-widget-inline-field.btn-group button .glyphicon-ok"));
        browser.until(field + " saved", d -> d.findElements(picker).stream().noneMatch(WebElement::isDisplayed));
    }

    private static void setTime(Browser browser, By picker, String part, int value) {
        String text = String.format("%02d", value);
        browser.until(part + " = " + text, d -> {
            WebElement input = d.findElement(picker).findElement(By.cssSelector("input[ng-model='" + part + "']"));
            if (!shows(input, value)) {
                input.clear();
                input.sendKeys(text);
            }
            return shows(input, value);
        });
    }

    /** The picker's hour or minute field holds this number ("9" or "09"). */
    private static boolean shows(WebElement input, int value) {
        String shown = String.valueOf(input.getDomProperty("value")).trim();
        return shown.matches("\\d{1,2}") && Integer.parseInt(shown) == value;
    }

    private static LocalDateTime minute(java.util.Date date, ZoneId zone) {
        return date == null ? null : date.toInstant().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
    }

    /** The card's text, the variables beyond the first two included (Tasklist folds them until the card is expanded). */
    private static String cardText(Browser browser, String taskId) {
        // read in one go: Tasklist redraws the list now and then (a stale card is looked up again)
        return browser.until("card of " + taskId, d -> String.valueOf(d.findElement(taskCard(taskId)).getDomProperty("textContent")))
                .replaceAll("\\s+", " ");
    }

    private static By taskCard(String taskId) {
        return By.xpath("//*[@cam-tasks]//li[.//a[@href='#/?task=" + taskId + "']]");
    }

    /** Completes the triage as customer service would (through the engine): a technical fault goes to technical support. */
    private Task routedToTechnicalSupport(Task triage) {
        identityService.setAuthentication("wang.fang", List.of("customer-service"));
        try {
            taskService.claim(triage.getId(), "wang.fang");
            taskService.complete(triage.getId(), Map.of("category", "TECHNICAL_FAULT", "subCategory", "SYSTEM_CRASH",
                    "viaSalesPromotion", false, "evidenceRequired", false, "isDuplicate", false));
        } finally {
            identityService.clearAuthentication();
        }
        String number = runtimeService.createProcessInstanceQuery().processInstanceId(triage.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        return taskOf(number, "Task_DiagnoseFault");
    }

    /** A new complaint registered through intake; its triage task's id. */
    private String triageOfNewComplaint(String merchant) {
        String number = intake.register(new ComplaintRegistration(Channel.HOTLINE, "周敏", "13700137000", null, merchant, "LKL-A8-77",
                Category.TECHNICAL_FAULT, false, "刷卡无反应 card reader does not respond", null, List.of())).complaint().getComplaintNumber();
        return taskOf(number, "Task_TriageComplaint").getId();
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
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(Processes.LIFECYCLE_KEY)
                .variableValueEquals(Lifecycle.MERCHANT_ID.name(), merchantId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private Task taskOf(String number, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }
}
