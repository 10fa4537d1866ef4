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
import com.complaintdesk.referral.Referrals;
import com.complaintdesk.referral.Regulator;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The legal path and a referral in the real Tasklist: after legal action on a complaint, compliance-legal finds the
 * called process's first task in its filter, sees the complaint's key facts and the notice in the form, and assesses
 * the claim, and engaging counsel follows; after a regulator's referral, compliance-legal writes the response with
 * the dossier's link on the form, and the managers' approval follows.
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
    @Autowired Referrals referrals;

    @Test
    void complianceLegalAssessesTheClaimInTasklist() {
        String number = intake.register(new ComplaintRegistration(Channel.HOTLINE, "孙八", "13600006666", null, "M-LEGAL-" + TestIds.digits(),
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

    @Test
    void complianceLegalPreparesTheRegulatorsResponseWithTheDossierAtHand() {
        String number = intake.register(new ComplaintRegistration(Channel.HOTLINE, "周九", "13600007777", null, "M-REF-" + TestIds.digits(),
                "T-8", Category.TECHNICAL_FAULT, false, "终端频繁死机 terminal keeps freezing", null, null)).complaint().getComplaintNumber();
        referrals.receive(number, new Referrals.ReferralNotice(Regulator.PBOC_12363, "PBOC-UI-" + TestIds.digits(),
                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 4), "商户向12363投诉终端故障 the merchant called 12363 about the faults"));
        Task prepare = taskOf(number, "Task_PrepareResponse");

        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.logInAs("chen.jing", "demo");
        tasklist.seeInFilter("合规与法务部 Compliance & legal", prepare.getId());
        tasklist.openAndClaim(prepare.getId(), "Prepare the response");
        browser.visible(By.xpath("//*[@cam-tasklist-task]//*[contains(., 'the merchant called 12363 about the faults')]"));
        browser.visible(By.cssSelector("[cam-tasklist-task] a[href='/staff/complaints/" + number + "/dossier.zip']"));
        tasklist.type("Our response to the regulator", "已远程修复并更换终端 fixed remotely, terminal replaced");
        tasklist.complete(prepare.getId());

        Task approve = taskOf(number, "Task_ApproveResponse");
        assertThat(taskService.getIdentityLinksForTask(approve.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("complaint-managers"));
        assertThat(taskService.getVariable(approve.getId(), "regulatorResponse")).asString().contains("terminal replaced");
    }

    private Task taskOf(String number, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(taskKey).singleResult(), task -> task != null);
    }
}
