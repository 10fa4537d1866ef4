package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The legal path (legal-proceedings, called from the lifecycle's interrupting event sub-process on LegalActionFiled):
 * after the final response or at any stage, through assessment, counsel, filing and hearings, to a court mediation
 * carried out by settlement-execution, or a judgment complied with or appealed.
 */
abstract class LegalPathTest extends LifecycleProcessTest {

    @Test
    void legalActionAfterTheFinalResponseEndsTheWaitAndGoesToCompliance() throws Exception {
        ProcessInstance instance = rejectedAndWaiting();

        fileLegalAction("COMPLAINANT", "COURT");

        ProcessInstance legalCase = calledInstance(instance, "legal-proceedings");
        assertThat(legalCase).hasBusinessKey(NUMBER).isWaitingAt("Task_AssessClaim")
                .variables().containsEntry("legalInitiatedBy", "COMPLAINANT").containsEntry("legalForum", "COURT")
                .containsEntry("complaintNumber", NUMBER);
        assertThat(task(legalCase)).hasCandidateGroup("compliance-legal");
        // the hand-off's wait (and its timer) ended: the complaint is in the legal path now
        assertThat(instance).isNotWaitingAt("Gateway_AwaitExternalAction").hasPassed("StartEvent_LegalActionFiled");
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Event_ExternalActionWindowClosed").count()).isZero();
        verify(legal).opened(any());
    }

    @Test
    void aMediationInCourtIsCarriedOutLikeANegotiatedSettlementAndClosesLegalSettled() throws Exception {
        ProcessInstance instance = startAtInvestigation("technical-support", "TECHNICAL_FAULT");
        assertThat(instance).isWaitingAt("Task_DiagnoseFault");

        fileLegalAction("COMPLAINANT", "ARBITRATION");
        // legal action interrupts the investigation
        assertThat(instance).isNotWaitingAt("Task_DiagnoseFault");
        ProcessInstance legalCase = toFirstHearing(instance);

        complete(task(legalCase), Map.of("hearingDate", "2026-12-10", "hearingSummary", "调解 mediation offered", "caseStage", "MEDIATION"));
        assertThat(legalCase).isWaitingAt("Task_RecordMediation");
        complete(task(legalCase), Map.of("remedy", "REFUND", "proposedAmount", 600.0, "mediationTerms", "退款600元 refund 600",
                "mediatedOn", "2026-12-10"));
        assertThat(legalCase).hasPassed("Task_RecordCourtSettlement").isWaitingAt("Task_CarryOutCourtOrder");

        carryOut(legalCase, "Task_PayRemedy");

        assertThat(legalCase).hasPassedInOrder("Task_CarryOutCourtOrder", "Task_ConcludeLegal").isEnded();
        assertThat(instance).hasPassed("Task_CloseAfterLegal").isEnded();
        assertThat(closedAs).containsExactly("LEGAL_SETTLED");
        verify(legal).mediationRecorded(any());
        verify(delegate("payRemedy")).execute(any());
    }

    @Test
    void aJudgmentIsCompliedWithAndTheSumOwedPaid() throws Exception {
        ProcessInstance instance = rejectedAndWaiting();
        fileLegalAction("COMPLAINANT", "COURT");
        ProcessInstance legalCase = toFirstHearing(instance);

        decide(legalCase, "JUDGMENT", "LOST", 5000.0);
        assertThat(legalCase).isWaitingAt("Task_DecideAppeal");
        assertThat(task(legalCase).getDueDate()).isNotNull();
        // the appeal decision is due at the appeal deadline and reminds at 50 % and 80 % of it; the court's steps have no due date
        assertThat(remindedTaskKeys()).contains("Task_DecideAppeal").doesNotContain("Task_AssessClaim", "Task_RecordHearing");
        complete(task(legalCase), Map.of("appealDecision", "COMPLY", "appealReason", "证据不足以上诉 no grounds to appeal"));

        assertThat(legalCase).hasPassed("Task_RecordJudgment").isWaitingAt("Task_CarryOutCourtOrder")
                .variables().containsEntry("amountOwed", true).containsEntry("remedy", "COMPENSATION");
        carryOut(legalCase, "Task_PayRemedy");
        assertThat(instance).isEnded();
        assertThat(closedAs).containsExactly("LEGAL_JUDGMENT");
        verify(legal).appealDecided(any());
    }

    @Test
    void anAppealIsFiledHeardAndAWonAppealOwesNothing() throws Exception {
        ProcessInstance instance = startAtInvestigation("compliance-legal", "FEE_DISPUTE");
        // compliance-legal decides to go to law itself
        fileLegalAction("COMPANY", "COURT");
        ProcessInstance legalCase = toFirstHearing(instance);
        complete(task(legalCase), Map.of("hearingDate", "2026-12-10", "hearingSummary", "first hearing", "caseStage", "HEARING"));
        assertThat(legalCase).isWaitingAt("Task_RecordHearing");

        decide(legalCase, "JUDGMENT", "LOST", 8000.0);
        complete(task(legalCase), Map.of("appealDecision", "APPEAL", "appealReason", "费率依合同 the rate followed the contract"));

        // the appeal's filing, with the court above, and its hearing
        assertThat(legalCase).isWaitingAt("Task_RecordFiling");
        complete(task(legalCase), Map.of("legalForum", "COURT", "tribunalName", "上海金融法院 Shanghai Financial Court",
                "caseNumber", "(2027)沪74民终1号", "filedOn", "2027-01-05"));
        decide(legalCase, "JUDGMENT", "WON", 0.0);
        complete(task(legalCase), Map.of("appealDecision", "COMPLY", "appealReason", "胜诉 won"));

        assertThat(legalCase).hasPassed("Task_RecordJudgment").isEnded();
        assertThat(legalCase).hasNotPassed("Task_CarryOutCourtOrder");
        assertThat(instance).isEnded();
        assertThat(closedAs).containsExactly("LEGAL_JUDGMENT");
        verify(legal, times(2)).filed(any());
        verify(legal, times(3)).hearingRecorded(any());
        verify(delegate("payRemedy"), never()).execute(any());
    }

    @Test
    void whenTheAppealDeadlinePassesUndecidedTheDecisionIsFinalAndCompliedWith() throws Exception {
        ProcessInstance instance = rejectedAndWaiting();
        fileLegalAction("COMPLAINANT", "COURT");
        ProcessInstance legalCase = toFirstHearing(instance);
        decide(legalCase, "RULING", "PARTLY", 1200.0);
        assertThat(legalCase).isWaitingAt("Task_DecideAppeal");

        execute(job("Event_AppealWindowLapsed", legalCase));

        assertThat(legalCase).hasPassed("Event_AppealWindowLapsed", "Task_RecordJudgment").isWaitingAt("Task_CarryOutCourtOrder");
        verify(legal, never()).appealDecided(any());
        carryOut(legalCase, "Task_PayRemedy");
        assertThat(closedAs).containsExactly("LEGAL_JUDGMENT");
    }

    // ---- steps ----

    private void fileLegalAction(String initiatedBy, String forum) {
        processEngine.getRuntimeService().createMessageCorrelation("LegalActionFiled")
                .processInstanceBusinessKey(NUMBER)
                .setVariable("legalInitiatedBy", initiatedBy)
                .setVariable("legalForum", forum)
                .setVariable("legalNotice", "民事起诉状 statement of claim")
                .correlate();
    }

    /** Assessed, counsel engaged, filed: the legal case waits for its first hearing. */
    private ProcessInstance toFirstHearing(ProcessInstance instance) {
        ProcessInstance legalCase = calledInstance(instance, "legal-proceedings");
        assertThat(legalCase).isWaitingAt("Task_AssessClaim");
        complete(task(legalCase), Map.of("claimAmount", 8000.0, "exposureAmount", 5000.0, "claimAssessment", "部分有理 partly founded"));
        assertThat(legalCase).isWaitingAt("Task_EngageCounsel");
        complete(task(legalCase), Map.of("counselFirm", "金杜律师事务所 King & Wood", "counselLawyer", "李律师", "counselEngagedOn", "2026-11-27"));
        assertThat(legalCase).isWaitingAt("Task_RecordFiling");
        complete(task(legalCase), Map.of("legalForum", "COURT", "tribunalName", "上海市浦东新区人民法院", "caseNumber", "(2026)沪0115民初1号",
                "filedOn", "2026-11-20", "servedOn", "2026-11-25"));
        assertThat(legalCase).isWaitingAt("Task_RecordHearing");
        assertThat(task(legalCase)).hasCandidateGroup("compliance-legal");
        return legalCase;
    }

    private void decide(ProcessInstance legalCase, String kind, String result, double awarded) {
        if (!"Task_RecordDecision".equals(task(legalCase).getTaskDefinitionKey())) {
            complete(task(legalCase), Map.of("hearingDate", "2026-12-20", "hearingSummary", "辩论终结 closing arguments", "caseStage", "DECISION"));
        }
        assertThat(legalCase).isWaitingAt("Task_RecordDecision");
        complete(task(legalCase), Map.of("decisionKind", kind, "decisionResult", result, "awardedAmount", awarded,
                "decisionServedOn", "2026-12-28", "decisionSummary", "判决 decided"));
    }
}
