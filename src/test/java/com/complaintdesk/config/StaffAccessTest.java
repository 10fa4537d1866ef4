package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.CockpitSession;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine REST API and the staff pages answer only to a Camunda user (HTTP Basic), and then with that user's
 * authorizations: Camunda's REST API turns an AuthorizationException into 403. Two simultaneous completions of one task
 * are one 204 and one 409 (config/EngineRestAnswers), never a 500, and the task is completed once.
 */
@ComplaintDeskSpringTest
class StaffAccessTest {

    private static final String COMPLETE_AUDIT = """
            {"variables": {"confirmedRefund": {"value": 1.8, "type": "Double"},
                           "findings": {"value": "多收 0.18% Overcharged 0.18%", "type": "String"}}}""";

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;

    private String processInstanceId;

    @AfterEach
    void deleteComplaint() {
        if (processInstanceId != null && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtimeService.deleteProcessInstance(processInstanceId, "test finished", true);
        }
    }

    @Test
    void withoutCredentialsTheEngineApiAndTheStaffPagesAnswer401() {
        Http anonymous = Http.on(port);
        for (String path : List.of("/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/user",
                "/staff/", "/staff/complaints/CP-20261126-000001")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("GET %s", path).hasValue("Basic realm=\"default\"");
        }
        assertThat(anonymous.postJson("/engine-rest/process-definition/key/complaint-lifecycle/start", "{}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theAdministratorIsAcceptedAndAWrongPasswordOrUnknownUserIs401() {
        HttpResponse<String> definitions = Http.on(port).as("admin", "admin").get("/engine-rest/process-definition");
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"complaint-lifecycle\"");

        assertThat(Http.on(port).as("nobody", "admin").get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
        // A user of its own: after a wrong password Camunda refuses even the right one for a few seconds.
        User probe = identityService.newUser("wrong.password.probe");
        probe.setPassword("the-right-password");
        identityService.saveUser(probe);
        try {
            assertThat(Http.on(port).as(probe.getId(), "a-wrong-password").get("/engine-rest/process-definition").statusCode())
                    .isEqualTo(401);
        } finally {
            identityService.deleteUser(probe.getId());
        }
    }

    @Test
    void technicalSupportIsRefusedAComplianceLegalTaskThroughRest() {
        Task audit = feeDisputeAuditTask();

        HttpResponse<String> refused = Http.on(port).as("zhang.wei", "demo")
                .postJson("/engine-rest/task/" + audit.getId() + "/complete", COMPLETE_AUDIT);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("AuthorizationException").contains("zhang.wei");
        assertThat(taskService.createTaskQuery().taskId(audit.getId()).count()).isOne();

        // the same request from compliance-legal completes it
        HttpResponse<String> completed = Http.on(port).as("chen.jing", "demo")
                .postJson("/engine-rest/task/" + audit.getId() + "/complete", COMPLETE_AUDIT);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(audit.getId()).count()).isZero();
    }

    @Test
    void twoSimultaneousCompletionsOfATaskAreOne204AndOne409AndTheTaskIsCompletedOnce() {
        Task audit = feeDisputeAuditTask();
        String path = "/engine-rest/task/" + audit.getId() + "/complete";
        Http complianceLegal = Http.on(port).as("chen.jing", "demo");

        List<HttpResponse<String>> answers = simultaneously(2, () -> complianceLegal.postJson(path, COMPLETE_AUDIT));

        assertThat(answers).as(answers.stream().map(HttpResponse::body).toList().toString())
                .extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
        HttpResponse<String> lost = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertThat(lost.body()).containsAnyOf("OptimisticLockingException", "TaskAlreadyCompleted");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("Task_AuditFees").finished().count()).as("completed once").isOne();

        HttpResponse<String> again = complianceLegal.postJson(path, COMPLETE_AUDIT);
        assertThat(again.statusCode()).as("completed already").isEqualTo(409);
        assertThat(again.body()).contains("TaskAlreadyCompleted", "is already completed");
        assertThat(complianceLegal.postJson("/engine-rest/task/no-such-task/complete", COMPLETE_AUDIT).statusCode())
                .as("a task that never was").isEqualTo(404);
    }

    @Test
    void inTasklistTwoSimultaneousCompletionsAreOne204AndOne409Too() {
        Task audit = feeDisputeAuditTask();
        // the path Tasklist's Complete button posts to: the web apps' engine API, behind the Tasklist login and CSRF
        String path = "/camunda/api/engine/engine/default/task/" + audit.getId() + "/complete";
        CockpitSession tasklist = CockpitSession.logIn(port, "tasklist", "chen.jing", "demo");
        assertThat(tasklist.loginStatus()).isEqualTo(200);
        // Tasklist opens the task first (the session's CSRF token comes with that answer)
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + audit.getId()).statusCode()).isEqualTo(200);

        List<HttpResponse<String>> answers = simultaneously(2, () -> tasklist.postJson(path, COMPLETE_AUDIT));

        assertThat(answers).as(answers.stream().map(HttpResponse::body).toList().toString())
                .extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
        assertThat(answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow().body())
                .containsAnyOf("OptimisticLockingException", "TaskAlreadyCompleted");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("Task_AuditFees").finished().count()).as("completed once").isOne();
        HttpResponse<String> again = tasklist.postJson(path, COMPLETE_AUDIT);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("TaskAlreadyCompleted");
    }

    private static List<HttpResponse<String>> simultaneously(int requests, Supplier<HttpResponse<String>> request) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return request.get();
            }));
        }
        start.countDown();
        return racing.stream().map(CompletableFuture::join).toList();
    }

    /** A fee dispute triaged by customer service: its audit task waits for compliance-legal. */
    private Task feeDisputeAuditTask() {
        String merchant = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        IntakeService.Registered registered = intake.register(new ComplaintRegistration(
                Channel.HOTLINE, "深圳市测试商户有限公司", "13800138000", null, merchant, "SN-" + merchant,
                Category.FEE_DISPUTE, false, "手续费未经通知上调 Fee rate raised without notice", new BigDecimal("0.60"),
                List.of(new ComplaintRegistration.TransactionLine("TX-" + merchant, Instant.parse("2026-11-20T06:30:00Z"),
                        new BigDecimal("1000.00"), new BigDecimal("7.80")))));
        processInstanceId = registered.complaint().getProcessInstanceId();
        String number = registered.complaint().getComplaintNumber();

        Task triage = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_TriageComplaint").singleResult();
        identityService.setAuthentication("wang.fang", List.of("customer-service"));
        try {
            taskService.complete(triage.getId(), Variables.createVariables()
                    .putValue(Lifecycle.CATEGORY.name(), Category.FEE_DISPUTE.name())
                    .putValue(Lifecycle.SUB_CATEGORY.name(), "RATE_RAISED_WITHOUT_NOTICE")
                    .putValue(Lifecycle.EVIDENCE_REQUIRED.name(), false)
                    .putValue(Lifecycle.IS_DUPLICATE.name(), false));
        } finally {
            identityService.clearAuthentication();
        }
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_AuditFees").singleResult(),
                task -> task != null);
    }
}
