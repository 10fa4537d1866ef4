package com.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.SeededComplaints;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A complaint manager in Cockpit, in headless Chromium: the dashboard's KPI panel shows the seeded month's figures once
 * its filter names that month, and the complaint-lifecycle diagram marks the triage task with as many waiting
 * complaints as Tasklist has triage tasks. Saves the two screenshots docs/reporting.md shows in
 * target/browser-screenshots/ (cockpit-kpis.png, cockpit-waiting-times.png).
 */
@ComplaintDeskSpringTest
@Tag("browser")
class CockpitReportingBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IntakeService intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;

    private final RegisteredComplaints registered = new RegisteredComplaints();
    private SeededComplaints seeded;

    @AfterEach
    void cleanUp() {
        registered.endProcesses(runtimeService);
        if (seeded != null) {
            seeded.deleteAll();
        }
    }

    @Test
    void aManagerSeesTheKpiPanelAndWhereComplaintsWait() throws IOException {
        seeded = new SeededComplaints(jdbc);
        seeded.march2031();
        for (int i = 0; i < 2; i++) {
            String merchant = "M-COCKPIT-" + TestIds.digits();
            registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "深圳市测试商户有限公司", "13800138000", null, merchant,
                    "SN-" + merchant, Category.TECHNICAL_FAULT, false, "终端死机 terminal freezes", null,
                    List.of(new ComplaintRegistration.TransactionLine("TX-" + merchant, Instant.parse("2026-11-20T06:30:00Z"),
                            new BigDecimal("100.00"), new BigDecimal("0.60"))))).complaint().getComplaintNumber());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> triageTasks() >= 2);

        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.logInAs("sun.li", "demo");
        browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
        browser.visible(By.cssSelector("#complaint-desk-kpis [data-kpi='opened']"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("const f = document.forms['complaint-kpi-filters'];"
                + "f.elements.from.value = '2031-03-01'; f.elements.to.value = '2031-03-31'; f.elements.channel.value = 'WALK_IN';");
        browser.click(By.cssSelector("form[name='complaint-kpi-filters'] button[type='submit']"));
        browser.until("the March 2031 figures", d -> "6".equals(tile("opened")) && "4".equals(tile("closed")));
        assertThat(tile("in-time")).isEqualTo("75.0%");
        assertThat(tile("median")).isEqualTo("5.0 天 d");
        assertThat(tile("p90")).isEqualTo("22.0 天 d");
        assertThat(tile("breached")).isEqualTo("1");
        assertThat(tile("extended")).isEqualTo("1");
        assertThat(tile("paid")).isEqualTo("120.50");
        assertThat(tile("satisfaction")).isEqualTo("4");
        assertThat(browser.driver().findElements(By.cssSelector("svg[data-chart='per-day'] rect"))).hasSize(62);
        assertThat(browser.driver().findElement(By.cssSelector("[data-download='register.xlsx']")).getDomAttribute("href"))
                .contains("/camunda/api/cockpit/plugin/complaint-desk-reporting/default/register.xlsx?", "channel=WALK_IN");
        screenshot("cockpit-kpis.png", By.id("complaint-desk-kpis"));

        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(Processes.LIFECYCLE_KEY)
                .latestVersion().singleResult().getId();
        browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
        WebElement triage = browser.visible(By.cssSelector(".cd-waiting[data-activity='Task_TriageComplaint']"));
        long open = triageTasks();
        assertThat(open).isGreaterThanOrEqualTo(2);
        browser.until("the triage task's open count", d -> String.valueOf(triageTasks())
                .equals(d.findElement(By.cssSelector(".cd-waiting[data-activity='Task_TriageComplaint']")).getDomAttribute("data-open")));
        assertThat(triage.getText()).startsWith(triageTasks() + " · ");
        screenshot("cockpit-waiting-times.png", null);
    }

    private String tile(String key) {
        return browser.driver().findElement(By.cssSelector("#complaint-desk-kpis [data-kpi='" + key + "'] .cd-tile-value")).getText();
    }

    private long triageTasks() {
        return taskService.createTaskQuery().processDefinitionKey(Processes.LIFECYCLE_KEY)
                .taskDefinitionKey("Task_TriageComplaint").count();
    }

    private void screenshot(String name, By element) throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        byte[] png = element == null ? ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES)
                : browser.driver().findElement(element).getScreenshotAs(OutputType.BYTES);
        Files.write(Browser.SCREENSHOTS.resolve(name), png);
    }
}
