package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Triage (duplicates) and the evidence loop: rounds, message EvidenceSubmitted, withdrawal. */
abstract class TriageAndEvidenceTest extends LifecycleProcessTest {

    @Test
    void aDuplicateIsClosedAsDuplicateWithoutRouting() throws Exception {
        ProcessInstance instance = registerHotlineComplaint();
        complete(task(), Map.of("category", "TECHNICAL_FAULT", "subCategory", "CARD_READER", "isDuplicate", true, "duplicateOf", "CP-20261120-000007",
                "evidenceRequired", false));

        assertThat(instance).hasPassed("Task_CloseAsDuplicate").isEnded();
        assertThat(instance).hasNotPassed("Task_RouteComplaint");
        verify(triage).completed(any());
        verify(delegate("routeComplaint"), never()).execute(any());
        assertThat(closedAs).containsExactly("DUPLICATE");
    }

    @Test
    void evidenceShortOnceIsAskedForAgainAndArrivesOnline() throws Exception {
        ProcessInstance instance = registerHotlineComplaint();
        triage("TECHNICAL_FAULT", true);
        assertThat(instance).hasPassed("Task_RouteComplaint", "Task_RequestEvidence").isWaitingAt("Task_AwaitEvidence");
        assertThat(task()).hasCandidateGroup("customer-service");

        complete(task(), Map.of("evidenceType", "FAULT_PHOTO", "evidenceReceivedDescription", "photo by WeChat", "complainantWithdrew", false));
        assertThat(instance).isWaitingAt("Task_ReviewEvidence");
        assertThat(task()).hasCandidateGroup("technical-support"); // the routed department judges its evidence
        complete(task(), Map.of("evidenceSufficient", false, "evidenceReviewNote", "need the transaction slip"));

        assertThat(instance).isWaitingAt("Task_AwaitEvidence").variables().containsEntry("evidenceRound", 2);
        processEngine.getRuntimeService().createMessageCorrelation("EvidenceSubmitted").processInstanceBusinessKey(NUMBER).correlate();
        assertThat(instance).hasPassed("Event_EvidenceSubmitted").isWaitingAt("Task_ReviewEvidence");
        complete(task(), Map.of("evidenceSufficient", true));

        assertThat(instance).isWaitingAt("Task_DiagnoseFault");
        verify(delegate("requestEvidence"), times(2)).execute(any());
        verify(evidence, times(1)).recordedByAgent(any());
        verify(evidence, times(2)).reviewed(any());
    }

    @Test
    void aComplainantWhoGivesUpIsClosedAsWithdrawn() throws Exception {
        ProcessInstance instance = registerHotlineComplaint();
        triage("FEE_DISPUTE", true);
        complete(task(), Map.of("complainantWithdrew", true));
        assertThat(instance).hasPassed("Task_CloseAsWithdrawn").isEnded();
        assertThat(instance).hasNotPassed("Task_ReviewEvidence", "Task_ComputeFeeAudit");
        assertThat(closedAs).containsExactly("WITHDRAWN");
    }

    @Test
    void afterTheLastRoundTheDepartmentInvestigatesWithWhatItHas() {
        ProcessInstance instance = registerHotlineComplaint();
        triage("TECHNICAL_FAULT", true);
        for (int round = 1; round <= 3; round++) {
            assertThat(instance).isWaitingAt("Task_AwaitEvidence");
            complete(task(), Map.of("evidenceType", "OTHER", "evidenceReceivedDescription", "partial records", "complainantWithdrew", false));
            complete(task(), Map.of("evidenceSufficient", false, "evidenceReviewNote", "still incomplete"));
        }
        // complaint-desk.policy.max-evidence-rounds = 3
        assertThat(instance).isWaitingAt("Task_DiagnoseFault");
    }

    @Test
    void withoutEvidenceTheComplaintGoesStraightToTheDepartment() {
        ProcessInstance instance = registerHotlineComplaint();
        triage("TECHNICAL_FAULT", false);
        assertThat(instance).isWaitingAt("Task_DiagnoseFault").hasNotPassed("Task_RequestEvidence");
    }
}
