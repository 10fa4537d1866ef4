package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A fee dispute routed to compliance-legal: its audit task is seen and worked by compliance-legal (and the
 * supervising complaint-managers), and by no other department. Authorization checks apply only while an
 * authentication is set on the IdentityService, so every checked call runs as a named member of staff.
 */
@ComplaintDeskSpringTest
class ComplaintTaskAuthorizationTest {

    @Autowired IntakeService intake;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;

    private String processInstanceId;

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        if (processInstanceId != null && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtimeService.deleteProcessInstance(processInstanceId, "test finished", true);
        }
    }

    @Test
    void feeDisputeAuditTaskBelongsToComplianceLegalOnly() {
        String number = registerFeeDispute();
        Task triage = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").singleResult();
        assertThat(triage).isNotNull();

        as("wang.fang", Departments.CUSTOMER_SERVICE, () -> {
            taskService.complete(triage.getId(), Variables.createVariables()
                    .putValue(Lifecycle.CATEGORY.name(), Category.FEE_DISPUTE.name())
                    .putValue(Lifecycle.SUB_CATEGORY.name(), "RATE_RAISED_WITHOUT_NOTICE")
                    .putValue(Lifecycle.EVIDENCE_REQUIRED.name(), false)
                    .putValue(Lifecycle.IS_DUPLICATE.name(), false));
            return null;
        });
        Task audit = await().atMost(Duration.ofSeconds(20)).until(
                () -> taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_AuditFees").singleResult(),
                task -> task != null);
        Map<String, Object> auditAnswer = Variables.createVariables().putValue(Lifecycle.CONFIRMED_REFUND.name(), 0.0).putValue(Lifecycle.FINDINGS.name(), "费率正确 Rate correct");

        // technical-support: neither sees nor completes it
        assertThat(as("zhang.wei", Departments.TECHNICAL_SUPPORT,
                () -> taskService.createTaskQuery().processInstanceBusinessKey(number).list())).isEmpty();
        assertThatThrownBy(() -> as("zhang.wei", Departments.TECHNICAL_SUPPORT, () -> {
            taskService.complete(audit.getId(), auditAnswer);
            return null;
        })).isInstanceOf(AuthorizationException.class);

        // the complaint's values (Tasklist's list columns): the routed department, the front desk and managers read
        // them; another department does not
        for (var reader : Map.of("chen.jing", Departments.COMPLIANCE_LEGAL, "wang.fang", Departments.CUSTOMER_SERVICE,
                "sun.li", Departments.COMPLAINT_MANAGERS).entrySet()) {
            assertThat(as(reader.getKey(), reader.getValue(), () -> runtimeService.createVariableInstanceQuery()
                    .processInstanceIdIn(processInstanceId).variableName("complaintNumber").count()))
                    .as("%s reads the complaint number", reader.getKey()).isEqualTo(1);
        }
        assertThat(as("zhang.wei", Departments.TECHNICAL_SUPPORT, () -> runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId).variableName("complaintNumber").count())).isZero();

        // customer-service, who triaged it, no longer sees it either
        assertThat(as("wang.fang", Departments.CUSTOMER_SERVICE,
                () -> taskService.createTaskQuery().processInstanceBusinessKey(number).list())).isEmpty();

        // complaint-managers supervise every task
        assertThat(as("sun.li", Departments.COMPLAINT_MANAGERS,
                () -> taskService.createTaskQuery().processInstanceBusinessKey(number).list()))
                .extracting(Task::getId).containsExactly(audit.getId());

        // compliance-legal sees it and claims it
        assertThat(as("chen.jing", Departments.COMPLIANCE_LEGAL,
                () -> taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup(Departments.COMPLIANCE_LEGAL).list()))
                .extracting(Task::getId).containsExactly(audit.getId());
        as("chen.jing", Departments.COMPLIANCE_LEGAL, () -> {
            taskService.claim(audit.getId(), "chen.jing");
            return null;
        });
        assertThat(taskService.createTaskQuery().taskId(audit.getId()).singleResult().getAssignee()).isEqualTo("chen.jing");
    }

    @Test
    void onlyCustomerServiceAndManagersStartComplaintsEveryDepartmentReadsTheProcess() {
        for (String group : Departments.ALL) {
            boolean starter = group.equals(Departments.CUSTOMER_SERVICE) || group.equals(Departments.COMPLAINT_MANAGERS);
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), ProcessDefinitionPermissions.READ,
                    Resources.PROCESS_DEFINITION, Processes.LIFECYCLE_KEY)).as("%s reads the process", group).isTrue();
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), ProcessDefinitionPermissions.CREATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, Processes.LIFECYCLE_KEY)).as("%s starts complaints", group).isEqualTo(starter);
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), ProcessInstancePermissions.CREATE,
                    Resources.PROCESS_INSTANCE, "*")).as("%s creates instances", group).isEqualTo(starter);
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.READ, Resources.TASK, "*"))
                    .as("%s reads every task", group).isEqualTo(group.equals(Departments.COMPLAINT_MANAGERS));
        }
    }

    private String registerFeeDispute() {
        String merchant = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        IntakeService.Registered registered = intake.register(new ComplaintRegistration(
                Channel.HOTLINE, "深圳市测试商户有限公司", "13800138000", "owner@merchant.example", merchant, "SN-" + merchant,
                Category.FEE_DISPUTE, false, "手续费未经通知上调 Fee rate raised without notice", new BigDecimal("0.60"),
                List.of(new ComplaintRegistration.TransactionLine("TX-" + merchant, Instant.parse("2026-11-20T06:30:00Z"),
                        new BigDecimal("1000.00"), new BigDecimal("7.80")))));
        processInstanceId = registered.complaint().getProcessInstanceId();
        return registered.complaint().getComplaintNumber();
    }

    private <T> T as(String userId, String group, Supplier<T> call) {
        identityService.setAuthentication(userId, List.of(group));
        try {
            return call.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
