package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.complaint.Lifecycle;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clean answers of the engine REST API to integrators: a bad value in /engine-rest/message (unknown regulator, a
 * referral reference already recorded, an unknown legal forum) is 400 naming the field, with nothing written, where a
 * step that refuses it used to make a 500. A completion refused only because a concurrent request completed the task
 * (and the engine deleted its authorizations with it) is a 409 for a user who could work on the task, and stays a 403
 * for anybody else. (A lost race on task completion over HTTP: StaffAccessTest, ApiCleanAnswersTest.)
 */
@ComplaintDeskSpringTest
class EngineRestAnswersTest {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ProcessEngine processEngine;
    @Autowired JdbcClient jdbc;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void badValuesInMessagesAre400NamingTheFieldAndWriteNothing() {
        String number = register(Category.SERVICE_QUALITY);
        Http integrator = Http.on(port).as("admin", "admin");
        long referralsBefore = count("regulator_referral");
        long casesBefore = count("legal_case");

        HttpResponse<String> unknownRegulator = integrator.postJson("/engine-rest/message", referral(number, "MOON_1", "REF-" + TestIds.digits()));
        assertThat(unknownRegulator.statusCode()).as(unknownRegulator.body()).isEqualTo(400);
        assertThat(unknownRegulator.body()).contains("regulator");

        HttpResponse<String> unknownForum = integrator.postJson("/engine-rest/message", """
                {"messageName": "LegalActionFiled", "businessKey": "%s",
                 "processVariables": {"legalInitiatedBy": {"value": "COMPLAINANT"}, "legalForum": {"value": "MOON"},
                   "legalNotice": {"value": "起诉状 statement of claim"}}}""".formatted(number));
        assertThat(unknownForum.statusCode()).as(unknownForum.body()).isEqualTo(400);
        assertThat(unknownForum.body()).contains("legalForum");
        assertThat(count("regulator_referral")).isEqualTo(referralsBefore);
        assertThat(count("legal_case")).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).processDefinitionKey("complaint-lifecycle")
                .count()).as("the complaint goes on").isOne();

        // a reference already recorded for another complaint
        String reference = "PBOC-" + TestIds.digits();
        String first = register(Category.SERVICE_QUALITY);
        HttpResponse<String> recorded = integrator.postJson("/engine-rest/message", referral(first, "PBOC_12363", reference));
        assertThat(recorded.statusCode()).as(recorded.body()).isIn(200, 204);
        long referralsNow = count("regulator_referral");
        HttpResponse<String> duplicate = integrator.postJson("/engine-rest/message", referral(number, "PBOC_12363", reference));
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(400);
        assertThat(duplicate.body()).contains("regulatorReference", "already recorded");
        assertThat(count("regulator_referral")).isEqualTo(referralsNow);
    }

    /**
     * The engine reads the task, a concurrent completion commits and deletes the task's authorizations, the engine's
     * check then refuses: an AuthorizationException. For the assignee or a candidate (by group) that is a lost race,
     * 409; for a user of another department, and for a task that is still open, it stays Camunda's 403.
     */
    @Test
    void aRefusalCausedByAConcurrentCompletionIs409OnlyForUsersWhoCouldWorkOnTheTask() {
        String number = register(Category.SERVICE_QUALITY);
        Task triage = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").singleResult();
        taskService.claim(triage.getId(), "wang.fang");

        assertThat(refusal("wang.fang", triage.getId()).getStatus()).as("the task is still open").isEqualTo(403);

        taskService.complete(triage.getId(), Variables.createVariables()
                .putValue(Lifecycle.CATEGORY.name(), Category.SERVICE_QUALITY.name())
                .putValue(Lifecycle.SUB_CATEGORY.name(), "RUDE_STAFF")
                .putValue(Lifecycle.EVIDENCE_REQUIRED.name(), false)
                .putValue(Lifecycle.IS_DUPLICATE.name(), false));

        Response assignee = refusal("wang.fang", triage.getId());
        assertThat(assignee.getStatus()).isEqualTo(409);
        assertThat(String.valueOf(assignee.getEntity())).contains("TaskAlreadyCompleted", triage.getId());
        assertThat(refusal("li.na", triage.getId()).getStatus()).as("a candidate through customer-service").isEqualTo(409);
        assertThat(refusal("zhang.wei", triage.getId()).getStatus()).as("technical support was never a candidate").isEqualTo(403);
        assertThat(refusal("wang.fang", "no-such-task").getStatus()).isEqualTo(403);
    }

    private Response refusal(String userId, String taskId) {
        EngineRestAnswers.EngineExceptions mapper = new EngineRestAnswers.EngineExceptions(processEngine);
        mapper.uriInfo = Mockito.mock(UriInfo.class);
        Mockito.when(mapper.uriInfo.getPath()).thenReturn("task/" + taskId + "/complete");
        return mapper.toResponse(new AuthorizationException(userId, "TASK_WORK", "Task", taskId));
    }

    private static String referral(String number, String regulator, String reference) {
        return """
                {"messageName": "RegulatorReferralReceived", "businessKey": "%s",
                 "processVariables": {"regulator": {"value": "%s"}, "regulatorReference": {"value": "%s"},
                   "referralReceivedOn": {"value": "2026-11-26"}, "referralSummary": {"value": "商户反映服务差 poor service"}}}"""
                .formatted(number, regulator, reference);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String register(Category category) {
        return registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "深圳市应答测试商户", "13800138000", null,
                "M-" + TestIds.digits(), "T-2", category, false, "应答测试 answers test", null, List.of())).complaint().getComplaintNumber());
    }
}
