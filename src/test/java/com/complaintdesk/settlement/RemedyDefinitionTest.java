package com.complaintdesk.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.DecisionTables;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.dmn.instance.InputValues;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link Remedy} walked through the models that decide by it, so that its kind is defined once (on the enum) and
 * the models agree: Gateway_Remedy of settlement-execution sends a payment to Task_PayRemedy, a device service to
 * Task_OrderDeviceService and a statement to the letter (Task_IssueStatement); the settlement-approval table knows
 * every remedy, asks approval for a payment above the handler's 500 yuan and never for a statement. A new remedy that
 * the models do not know yet fails here, by name.
 */
class RemedyDefinitionTest {

    private static final String APPROVAL = "processes/settlement-approval.dmn";

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder("camunda-process-tests.cfg.xml").build();

    private static final DecisionTables TABLE = DecisionTables.load(APPROVAL, "settlement-approval");

    private static List<String> approvers(Remedy remedy, double amount) {
        DmnEngine engine = TABLE.engine();
        DmnDecision decision = TABLE.decision();
        Map<String, Object> variables = new HashMap<>();
        variables.put("remedy", remedy.name());
        variables.put("proposedAmount", amount);
        return engine.evaluateDecisionTable(decision, variables).collectEntries("approverGroup");
    }

    @Test
    void theApprovalTableListsEveryRemedyAndNoOther() {
        InputValues values = DecisionTables.model(APPROVAL).getModelElementById("InputValues_Remedy");
        List<String> listed = Arrays.stream(values.getText().getTextContent().split(","))
                .map(v -> v.strip().replace("\"", "")).toList();
        assertThat(listed).as("InputValues_Remedy of " + APPROVAL)
                .containsExactlyInAnyOrder(Arrays.stream(Remedy.values()).map(Enum::name).toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Remedy.class)
    void approvalFollowsTheRemedysKind(Remedy remedy) {
        switch (remedy.kind()) {
            case PAYMENT -> {
                assertThat(approvers(remedy, 500)).as(remedy + " of 500 yuan: the handler settles alone").isEmpty();
                assertThat(approvers(remedy, 800)).as(remedy + " above 500 yuan moves money: a complaint manager approves")
                        .startsWith("complaint-managers");
                assertThat(approvers(remedy, 20000)).as(remedy + " above 5000 yuan: compliance & legal too")
                        .containsExactly("complaint-managers", "compliance-legal");
            }
            case STATEMENT -> assertThat(approvers(remedy, 20000)).as(remedy + " moves no money: never approved").isEmpty();
            case DEVICE_SERVICE -> assertThat(approvers(remedy, 0)).as(remedy + " of no value pays nothing: never compliance & legal")
                    .doesNotContain("compliance-legal");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Remedy.class)
    @Deployment(resources = "processes/settlement-execution.bpmn")
    void gatewayRemedySendsEachRemedyToTheStepOfItsKind(Remedy remedy) {
        RuntimeService runtime = ENGINE.getRuntimeService();
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        ProcessInstance execution = runtime.startProcessInstanceByKey("settlement-execution", "CP-20261126-000042", Map.of(
                "complaintNumber", "CP-20261126-000042", "proposalId", 7L, "remedy", remedy.name(),
                "proposedAmount", 100.0, "agreementId", "CP-20261126-000042-A1"));

        String step = switch (remedy.kind()) {
            case PAYMENT -> "Task_PayRemedy";
            case DEVICE_SERVICE -> "Task_OrderDeviceService";
            case STATEMENT -> "Task_IssueStatement";
        };
        BpmnAwareTests.assertThat(execution).as(remedy + " (" + remedy.kind() + ")").isWaitingAt(step);
        runtime.deleteProcessInstance(execution.getId(), "test done");
    }
}
