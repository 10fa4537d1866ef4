package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An extension asked for on the staff page, decided by a complaint manager in Tasklist's task: the record's decision
 * deadline, the breach timer and the complainant's message all move; a refusal moves none of them; bad input and
 * another site's form are refused.
 */
@ComplaintDeskSpringTest
class ExtensionRequestTest {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    /** Registered and triaged: routed to compliance-legal, whose chen.jing investigates. */
    private String registerFeeDispute() {
        String number = intake.register(new ComplaintRegistration(Channel.HOTLINE, "周八", "13600136000", "zhou.ba@example.com",
                "M-" + TestIds.digits(), null, Category.FEE_DISPUTE, false, "费率过高 fee too high", null, List.of()))
                .complaint().getComplaintNumber();
        Task triage = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").singleResult();
        taskService.complete(triage.getId(), Map.of("category", "FEE_DISPUTE", "subCategory", "RATE_RAISED_WITHOUT_NOTICE",
                "evidenceRequired", false, "isDuplicate", false, "viaSalesPromotion", false));
        assertThat(records.get(number).getDepartment()).isEqualTo("compliance-legal");
        return number;
    }

    private HttpResponse<String> ask(String number, String form, String... headers) {
        return Http.on(port).as("chen.jing", "demo").postForm("/staff/complaints/" + number + "/extension", form, headers);
    }

    private Task decisionTask(String number) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_DecideExtension").singleResult();
    }

    private Job breachTimer(String number) {
        String instance = records.get(number).getProcessInstanceId();
        return managementService.createJobQuery().processInstanceId(instance).activityId("StartEvent_DecisionDeadlineReached").singleResult();
    }

    private void decide(String number, Map<String, Object> variables) {
        identityService.setAuthentication("sun.li", List.of("complaint-managers"));
        try {
            Task task = decisionTask(number);
            taskService.claim(task.getId(), "sun.li");
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndTheBreachTimerAndTellsTheComplainant() {
        String number = registerFeeDispute();
        Instant before = records.get(number).getDecisionDueAt();
        assertThat(breachTimer(number).getDuedate().toInstant()).isEqualTo(before);

        HttpResponse<String> page = Http.on(port).as("chen.jing", "demo").get("/staff/complaints/" + number + "/extension");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("申请延期 Request an extension", number);

        String reason = "等待银行调单 waiting for the bank's transaction records";
        HttpResponse<String> sent = ask(number, "extensionDays=10&extensionReason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(decisionTask(number)).isNotNull();
        assertThat(taskService.getVariable(decisionTask(number).getId(), "extensionReason")).isEqualTo(reason);

        decide(number, Map.of("extensionApproved", true));

        Instant after = records.get(number).getDecisionDueAt();
        assertThat(Duration.between(before, after)).isEqualTo(Duration.ofDays(10));
        assertThat(breachTimer(number).getDuedate().toInstant()).isEqualTo(after);
        assertThat(records.timelineOf(records.get(number))).extracting(TimelineEntry::getMilestone)
                .contains(Milestone.EXTENSION_REQUESTED, Milestone.DEADLINE_EXTENDED);
        List<String> messages = jdbc.sql("select body from notification_outbox where complaint_number = ? and message_type = 'EXTENSION'")
                .param(number).query(String.class).list();
        assertThat(messages).isNotEmpty().allSatisfy(body -> assertThat(body).contains(reason));
    }

    @Test
    void aRefusalMovesNothingAndMustSayWhy() {
        String number = registerFeeDispute();
        Instant before = records.get(number).getDecisionDueAt();
        assertThat(ask(number, "extensionDays=5&extensionReason=more+time").statusCode()).isEqualTo(200);

        decide(number, Map.of("extensionApproved", false, "extensionDecisionNote", "the records are already in"));

        assertThat(records.get(number).getDecisionDueAt()).isEqualTo(before);
        assertThat(breachTimer(number).getDuedate().toInstant()).isEqualTo(before);
        assertThat(records.timelineOf(records.get(number))).extracting(TimelineEntry::getMilestone).contains(Milestone.EXTENSION_REFUSED);
    }

    @Test
    void badRequestsAreRefusedAndStartNothing() {
        String number = registerFeeDispute();
        HttpResponse<String> tooLong = ask(number, "extensionDays=90&extensionReason=x");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("extensionDays");
        HttpResponse<String> noReason = ask(number, "extensionDays=5&extensionReason=");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("extensionReason");
        assertThat(ask(number, "extensionDays=5&extensionReason=x", "Origin", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(Http.on(port).as("zhang.wei", "demo").postForm("/staff/complaints/" + number + "/extension",
                "extensionDays=5&extensionReason=x").statusCode()).isEqualTo(403); // another department's complaint
        assertThat(Http.on(port).as("zhao.lei", "wrong").postForm("/staff/complaints/" + number + "/extension", "extensionDays=5")
                .statusCode()).isEqualTo(401);
        assertThat(decisionTask(number)).isNull();
    }
}
