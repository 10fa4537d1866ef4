package com.complaintdesk.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A legal notice registered on the staff page /staff/complaints/{number}/legal-action, through the real HTTP Basic
 * filter: the complaint's handling stops, legal-proceedings waits for compliance-legal's assessment and the case is on
 * record; bad input, other departments and other sites change nothing.
 */
@ComplaintDeskSpringTest
class LegalNoticePageTest {

    private static final String SAME_SITE = "Sec-Fetch-Site";

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    private final RegisteredComplaints registered = new RegisteredComplaints();
    private StaffSteps staff;
    private String number;

    @BeforeEach
    void aComplaintWaitingForTriage() {
        staff = new StaffSteps(taskService, identityService);
        number = registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "孙九", "13700137000", null,
                "M-" + TestIds.digits(), "T-9", Category.FEE_DISPUTE, false, "押金未退 deposit not refunded", null, List.of()))
                .complaint().getComplaintNumber());
    }

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void theFrontDeskRegistersACourtSummonsAndComplianceLegalAssessesTheClaim() {
        HttpResponse<String> form = page("wang.fang").get(path());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("登记诉讼/仲裁通知 Register legal action", number, "投诉人起诉/申请仲裁 The complainant took legal action");

        HttpResponse<String> sent = post("wang.fang", "legalInitiatedBy=COMPLAINANT&legalForum=COURT&legalNotice="
                + encode("朝阳区法院传票 (2026)京0105民初1234号 summons of the Chaoyang court"));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("the legal path has started", "评估索赔与风险 Assess the claim and exposure");
        Task assess = staff.waitingTask(number, "legal-proceedings", "Task_AssessClaim");
        assertThat(staff.candidateGroups(assess)).containsExactly("compliance-legal");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).processDefinitionKey("complaint-lifecycle")
                .taskDefinitionKey("Task_TriageComplaint").count()).as("the handling is interrupted").isZero();
        assertThat(records.get(number).getStatus()).isEqualTo(ComplaintStatus.IN_LEGAL_PROCEEDINGS);
        assertThat(legalCases()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("initiated_by", "COMPLAINANT").containsEntry("forum", "COURT")
                    .containsEntry("process_instance_id", assess.getProcessInstanceId());
            assertThat((String) row.get("notice")).contains("(2026)京0105民初1234号");
        });
        // who registered it is on the timeline, though the engine step ran with the application's rights
        assertThat(records.timelineOf(records.get(number))).filteredOn(e -> e.getMilestone() == Milestone.LEGAL_ACTION_FILED)
                .extracting(TimelineEntry::getActor).containsExactly("wang.fang");
    }

    @Test
    void complianceLegalRegistersTheCompanysArbitrationOnceAndAManagerMayOpenTheForm() {
        assertThat(page("sun.li").get(path()).statusCode()).isEqualTo(200);

        assertThat(post("chen.jing", "legalInitiatedBy=COMPANY&legalForum=ARBITRATION&legalNotice=" + encode("申请仲裁追回押金 we claim the terminal back"))
                .statusCode()).isEqualTo(200);
        staff.waitingTask(number, "legal-proceedings", "Task_AssessClaim");
        assertThat(legalCases()).singleElement().satisfies(row ->
                assertThat(row).containsEntry("initiated_by", "COMPANY").containsEntry("forum", "ARBITRATION"));

        HttpResponse<String> again = post("chen.jing", "legalInitiatedBy=COMPLAINANT&legalForum=COURT&legalNotice=second");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("complaintNumber: is already in legal proceedings");
        assertThat(legalCases()).hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldKeepingWhatWasEnteredAndNothingStarts() {
        HttpResponse<String> noNotice = post("wang.fang", "legalInitiatedBy=COMPLAINANT&legalForum=ARBITRATION&legalNotice=+");
        assertThat(noNotice.statusCode()).isEqualTo(400);
        assertThat(noNotice.body()).contains("legalNotice: is required")
                .containsPattern("value=\"ARBITRATION\"[^>]* checked").containsPattern("value=\"ARBITRATION\"[^>]* required")
                .containsPattern("<textarea id=\"legalNotice\" name=\"legalNotice\" rows=\"5\" maxlength=\"4000\"[^>]*aria-invalid=\"true\"[^>]*>")
                .containsPattern("<textarea id=\"legalNotice\"[^>]* required[ =>]");

        HttpResponse<String> noInitiator = post("wang.fang", "legalForum=COURT&legalNotice=" + encode("<b>传票</b> summons"));
        assertThat(noInitiator.statusCode()).isEqualTo(400);
        assertThat(noInitiator.body()).contains("legalInitiatedBy: is required", "&lt;b&gt;传票&lt;/b&gt; summons").doesNotContain("<b>传票");

        HttpResponse<String> oddForum = post("wang.fang", "legalInitiatedBy=COMPANY&legalForum=MOON&legalNotice=x");
        assertThat(oddForum.statusCode()).isEqualTo(400);
        assertThat(oddForum.body()).contains("legalForum: must be one of the choices offered");

        HttpResponse<String> tooLong = post("wang.fang", "legalInitiatedBy=COMPANY&legalForum=COURT&legalNotice=" + "x".repeat(4001));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("legalNotice: must be at most 4000 characters");

        assertNothingStarted();
    }

    @Test
    void otherDepartmentsOtherSitesAndUnknownComplaintsAreRefused() {
        String notice = "legalInitiatedBy=COMPLAINANT&legalForum=COURT&legalNotice=summons";
        assertThat(page("zhang.wei").get(path()).statusCode()).isEqualTo(403);
        HttpResponse<String> technicalSupport = page("zhang.wei").postForm(path(), notice, SAME_SITE, "same-origin");
        assertThat(technicalSupport.statusCode()).isEqualTo(403);
        assertThat(technicalSupport.body()).contains("Only these departments, from this site",
                "客户服务部 Customer service、合规与法务部 Compliance &amp; legal、投诉主管 Complaint managers");
        assertThat(page("chen.jing").postForm(path(), notice, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(page("chen.jing").postForm(path(), notice, SAME_SITE, "cross-site").statusCode()).isEqualTo(403);
        assertThat(Http.on(port).postForm(path(), notice).statusCode()).isEqualTo(401);
        assertThat(page("chen.jing").get("/staff/complaints/CP-19990101-000001/legal-action").statusCode()).isEqualTo(404);

        assertNothingStarted();
    }

    private void assertNothingStarted() {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).processDefinitionKey("legal-proceedings")
                .count()).isZero();
        staff.waitingTask(number, "complaint-lifecycle", "Task_TriageComplaint");
        assertThat(records.get(number).getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
        assertThat(legalCases()).isEmpty();
    }

    private List<Map<String, Object>> legalCases() {
        return jdbc.sql("select l.initiated_by, l.forum, l.notice, l.process_instance_id from legal_case l "
                + "join complaint c on c.id = l.complaint_id where c.complaint_number = ?").param(number).query().listOfRows();
    }

    private String path() {
        return "/staff/complaints/" + number + "/legal-action";
    }

    private Http page(String user) {
        return Http.on(port).as(user, "demo");
    }

    private HttpResponse<String> post(String user, String form) {
        return page(user).postForm(path(), form, SAME_SITE, "same-origin");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
