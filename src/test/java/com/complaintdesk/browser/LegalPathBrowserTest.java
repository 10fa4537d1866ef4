package com.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.legal.LegalActions;
import com.complaintdesk.legal.LegalCase;
import com.complaintdesk.legal.LegalCaseRepository;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The legal path in the real Tasklist: after legal action on a complaint, compliance-legal finds the called process's
 * first task in its filter, sees the complaint's key facts and the notice in the form, and assesses the claim; the
 * next task, engaging counsel, follows.
 */
@ComplaintDeskSpringTest
@Tag("browser")
class LegalPathBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired LegalActions legalActions;
    @Autowired LegalCaseRepository legalCases;
    @Autowired ComplaintRecords records;
    @Autowired TaskService taskService;

    @Test
    void complianceLegalAssessesTheClaimInTasklist() {
        String number = intake.register(new ComplaintRegistration(Channel.HOTLINE, "孙八", "13600006666", null, "M-LEGAL-" + System.nanoTime(),
                "T-9", Category.FEE_DISPUTE, false, "费率争议，已起诉 fee dispute, now in court", null, null)).complaint().getComplaintNumber();
        legalActions.file(number, new LegalActions.LegalNotice(LegalCase.Initiator.COMPLAINANT, LegalCase.Forum.COURT,
                "民事起诉状：退还多收手续费 statement of claim: refund of overcharged fees"));
        Task assess = taskOf(number, "Task_AssessClaim");

        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.logInAs("chen.jing", "demo");
        tasklist.seeInFilter("合规与法务部 Compliance & legal", assess.getId());
        tasklist.openAndClaim(assess.getId(), "Assess the claim and exposure");
        browser.visible(By.xpath("//*[@cam-tasklist-task]//h3[contains(., '" + number + "')]"));
        browser.visible(By.xpath("//*[@cam-tasklist-task]//*[contains(., 'statement of claim: refund of overcharged fees')]"));
        tasklist.type("Amount claimed", "3000");
        tasklist.type("Estimated exposure", "1200");
        tasklist.type("Assessment of the claim", "合同费率有争议 the contract rate is disputed");
        tasklist.complete(assess.getId());

        Task counsel = taskOf(number, "Task_EngageCounsel");
        tasklist.seeInFilter("合规与法务部 Compliance & legal", counsel.getId());
        LegalCase legalCase = legalCases.findByComplaintIdOrderByOpenedAtAsc(records.get(number).getId()).get(0);
        assertThat(legalCase.getExposureAmount()).isEqualByComparingTo("1200.00");
        assertThat(legalCase.getAssessment()).contains("the contract rate is disputed");
    }

    private Task taskOf(String number, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }
}
