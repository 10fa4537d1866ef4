package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The regulator's referral (regulator-referral, called from the lifecycle's non-interrupting event sub-process on
 * RegulatorReferralReceived): answered while the handling goes on, for a complaint we had or one the regulator forwards;
 * an ordered remedy carried out once; and a rejected complaint handed over to its referral, which closes it.
 */
abstract class RegulatorReferralTest extends LifecycleProcessTest {

    @Test
    void aReferralDuringTheInvestigationIsAnsweredWhileTheInvestigationGoesOnAndBothFinish() throws Exception {
        ProcessInstance instance = startAtInvestigation("technical-support", "TECHNICAL_FAULT");
        receiveReferral("PBOC-2026-1126-0001");

        ProcessInstance referral = calledInstance(instance, "regulator-referral");
        assertThat(instance).isWaitingAt("Task_DiagnoseFault", "Task_AnswerReferral");
        assertThat(referral).hasBusinessKey(NUMBER).hasPassed("Task_RecordReferral").isWaitingAt("Task_PrepareResponse")
                .variables().containsEntry("regulator", "PBOC_12363").containsEntry("regulatorReference", "PBOC-2026-1126-0001");
        assertThat(task(referral)).hasCandidateGroup("compliance-legal");
        assertThat(task(referral).getDueDate()).isNotNull();

        // the investigation goes on meanwhile
        complete(task(instance), Map.of("diagnosis", "网络配置错误 network misconfigured", "fixMethod", "REMOTE_FIX", "manufacturerReferral", false,
                "findings", "fixed remotely"));
        assertThat(instance).isWaitingAt("Task_ProposeResolution", "Task_AnswerReferral");

        // the response: prepared, returned once by a manager, approved, submitted
        complete(task(referral), Map.of("regulatorResponse", "已远程修复 fixed remotely"));
        assertThat(task(referral)).hasDefinitionKey("Task_ApproveResponse").hasCandidateGroup("complaint-managers");
        complete(task(referral), Map.of("responseApproved", false, "responseReviewNote", "附上维修记录 attach the repair log"));
        assertThat(referral).isWaitingAt("Task_PrepareResponse");
        complete(task(referral), Map.of("regulatorResponse", "已远程修复，附维修记录 fixed remotely, log attached"));
        complete(task(referral), Map.of("responseApproved", true));
        assertThat(referral).isWaitingAt("Task_SubmitResponse");
        complete(task(referral), Map.of("responseSubmittedOn", "2026-11-30", "submissionChannel", "REGULATOR_PLATFORM"));
        assertThat(referral).isWaitingAt("Task_RecordRegulatorDecision");
        // the response's tasks have the regulator's due date, and remind at 50 % and 80 % of it like the lifecycle's tasks
        assertThat(remindedTaskKeys()).contains("Task_PrepareResponse", "Task_ApproveResponse", "Task_SubmitResponse")
                .doesNotContain("Task_RecordRegulatorDecision");

        // the regulator closes it without action; the complaint's own handling is not closed by it
        decideByMessage("PBOC-2026-1126-0001", "NO_ACTION", null, null);
        assertThat(referral).hasPassed("Event_RegulatorDecisionReceived", "Task_ApplyDecision").hasNotPassed("Task_CarryOutOrder").isEnded();
        assertThat(instance).hasPassed("Task_ConcludeReferral", "EndEvent_ReferralAnswered").hasNotPassed("Task_CloseAfterReferral")
                .isWaitingAt("Task_ProposeResolution");

        propose("REPAIR", 0);
        answer("ACCEPT");
        signAndCarryOut(instance, "Task_OrderDeviceService");
        closeWith(instance, "RESOLVED_NON_MONETARY");
        assertThat(closedAs).containsExactly("RESOLVED_NON_MONETARY");
        verify(referrals, times(2)).responsePrepared(any());
        verify(referrals, times(2)).responseReviewed(any());
        verify(referrals).responseSubmitted(any());
    }

    @Test
    void aResponseNotSubmittedByItsDueDateAlertsTheManagersAndTheWorkGoesOn() throws Exception {
        ProcessInstance instance = startAtInvestigation("technical-support", "TECHNICAL_FAULT");
        receiveReferral("PBOC-2026-1126-0009");
        ProcessInstance referral = calledInstance(instance, "regulator-referral");

        execute(job("Event_ResponseOverduePrepare", referral));
        assertThat(referral).hasPassed("Task_ReportLateResponse").isWaitingAt("Task_PrepareResponse");
        complete(task(referral), Map.of("regulatorResponse", "答复 response"));
        execute(job("Event_ResponseOverdueApprove", referral));
        complete(task(referral), Map.of("responseApproved", true));
        execute(job("Event_ResponseOverdueSubmit", referral));
        assertThat(referral).isWaitingAt("Task_SubmitResponse");
        verify(delegate("reportLateResponse"), times(3)).execute(any());

        complete(task(referral), Map.of("responseSubmittedOn", "2026-12-09", "submissionChannel", "POST"));
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(referral.getId()).count())
                .as("no overdue timer is left once the response is submitted").isZero();
    }

    @Test
    void aComplaintTheRegulatorForwardsIsRegisteredWithChannelRegulatorAndBothRun() throws Exception {
        // Referrals.receiveForwarded registers the complaint (channel REGULATOR) and sends the referral, in one transaction
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("complaint-lifecycle",
                Map.of("channel", "REGULATOR", "category", "FEE_DISPUTE", "complainantName", "赵六"));
        receiveReferral("12315-2026-000077");

        assertThat(instance).isWaitingAt("Task_TriageComplaint", "Task_AnswerReferral");
        assertThat(task(instance)).hasCandidateGroup("customer-service");
        assertThat(calledInstance(instance, "regulator-referral")).isWaitingAt("Task_PrepareResponse");
    }

    @Test
    void aDecisionOrderingARefundIsPaidOnceEvenIfTheDecisionArrivesTwice() throws Exception {
        ProcessInstance instance = startAtInvestigation("compliance-legal", "FEE_DISPUTE");
        ProcessInstance referral = answeredAndSubmitted(instance, "PBOC-2026-1126-0002");

        decideByMessage("PBOC-2026-1126-0002", "REMEDY_ORDERED", "REFUND", 300.0);
        assertThat(referral).hasPassed("Task_ApplyDecision").isWaitingAt("Task_CarryOutOrder");
        ProcessInstance execution = calledInstance(referral, "settlement-execution");
        assertThat(execution).isWaitingAt("Task_PayRemedy").variables().containsEntry("remedy", "REFUND").containsEntry("proposalId", 9L);

        // the same decision again: nothing waits for it any more, and nothing is paid twice
        assertThatThrownBy(() -> decideByMessage("PBOC-2026-1126-0002", "REMEDY_ORDERED", "REFUND", 300.0))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        execute(job("Task_PayRemedy", execution));
        complete(task(execution), Map.of("executionConfirmed", true));

        assertThat(referral).isWaitingAt("Task_RecordCompliance");
        assertThat(task(referral)).hasCandidateGroup("compliance-legal");
        complete(task(referral), Map.of("compliedOn", "2026-12-05", "complianceNote", "退款已到账 refund received"));
        assertThat(referral).isEnded().variables().containsEntry("referralOutcome", "RESOLVED_MONETARY");
        verify(delegate("payRemedy")).execute(any());
        verify(delegate("applyRegulatorDecision")).execute(any());
        // the complaint's own handling goes on
        assertThat(instance).isWaitingAt("Task_AuditFees");
    }

    @Test
    void aRejectedComplaintHandedOverToAReferralClosesWithTheRegulatorsOutcome() throws Exception {
        ProcessInstance instance = rejectedAndWaiting();

        // a referral arrives during the wait: the complaint is handed over to it
        ProcessInstance referral = answeredAndSubmitted(instance, "SAMR-2026-88");
        assertThat(instance).hasPassed("Event_ReferralOpened", "Task_HandOverToReferral", "EndEvent_HandedToReferral")
                .isWaitingAt("Task_AnswerReferral");

        decideByStaff(referral, "MEDIATED");
        assertThat(instance).hasPassed("Task_CloseAfterReferral").isEnded();
        assertThat(closedAs).containsExactly("REFERRED_EXTERNAL");
    }

    @Test
    void aReferralStillOpenAtTheFinalResponseTakesOverTheComplaintAtOnce() throws Exception {
        ProcessInstance instance = startAtInvestigation("customer-service", "SERVICE_QUALITY");
        receiveReferral("NFRA-2026-5");
        rejectWithFinalResponse(instance);

        assertThat(instance).hasPassed("Gateway_ReferralOpen", "Task_HandOverToReferral").hasNotPassed("Gateway_AwaitExternalAction")
                .isWaitingAt("Task_AnswerReferral");
        ProcessInstance referral = calledInstance(instance, "regulator-referral");
        complete(task(referral), Map.of("regulatorResponse", "答复 response"));
        complete(task(referral), Map.of("responseApproved", true));
        complete(task(referral), Map.of("responseSubmittedOn", "2026-11-30", "submissionChannel", "POST"));
        decideByStaff(referral, "NO_ACTION");
        assertThat(instance).isEnded();
        assertThat(closedAs).containsExactly("REFERRED_EXTERNAL");
    }

    // ---- steps ----

    private void receiveReferral(String reference) {
        processEngine.getRuntimeService().createMessageCorrelation("RegulatorReferralReceived")
                .processInstanceBusinessKey(NUMBER)
                .setVariable("regulator", reference.startsWith("PBOC") ? "PBOC_12363" : reference.startsWith("NFRA") ? "NFRA" : "SAMR_12315")
                .setVariable("regulatorReference", reference)
                .setVariable("referralReceivedOn", "2026-11-26")
                .setVariable("referralSummary", "商户投诉转办 merchant's complaint referred")
                .correlate();
    }

    private ProcessInstance answeredAndSubmitted(ProcessInstance instance, String reference) {
        receiveReferral(reference);
        ProcessInstance referral = calledInstance(instance, "regulator-referral");
        complete(task(referral), Map.of("regulatorResponse", "答复 response"));
        complete(task(referral), Map.of("responseApproved", true));
        complete(task(referral), Map.of("responseSubmittedOn", "2026-11-30", "submissionChannel", "EMAIL"));
        assertThat(referral).isWaitingAt("Task_RecordRegulatorDecision");
        return referral;
    }

    private void decideByMessage(String reference, String decision, String remedy, Double amount) {
        var correlation = processEngine.getRuntimeService().createMessageCorrelation("RegulatorDecision")
                .processInstanceBusinessKey(NUMBER)
                .processInstanceVariableEquals("regulatorReference", reference)
                .setVariable("regulatorDecision", decision)
                .setVariable("decisionSummary", "监管决定 the regulator's decision")
                .setVariable("decidedOn", "2026-12-01");
        if (remedy != null) {
            correlation.setVariable("remedy", remedy).setVariable("proposedAmount", amount);
        }
        correlation.correlate();
    }

    private void decideByStaff(ProcessInstance referral, String decision) {
        assertThat(referral).isWaitingAt("Task_RecordRegulatorDecision");
        assertThat(task(referral)).hasCandidateGroup("compliance-legal");
        complete(task(referral), Map.of("regulatorDecision", decision, "decisionSummary", "调解结案 closed", "decidedOn", "2026-12-01"));
        assertThat(referral).hasPassed("Task_ApplyDecision", "Task_ConcludeRegulatorPath").isEnded();
    }
}
