package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Approval refusals, counter-offers, rejection with a final response, and the answer arriving as a message. */
abstract class ApprovalAndNegotiationTest extends LifecycleProcessTest {

    private ProcessInstance atProposal() {
        ProcessInstance instance = startAtInvestigation("customer-service", "SERVICE_QUALITY");
        complete(task(), Map.of("findings", "callback missed"));
        return instance;
    }

    @Test
    void aRefusedProposalGoesBackToTheInvestigatorWithTheReason() {
        ProcessInstance instance = atProposal();
        propose("REFUND", 900.0);
        assertThat(task()).hasDefinitionKey("Task_ApproveProposal").hasCandidateGroup("complaint-managers");
        complete(task(), Map.of("proposalApproved", false, "approvalComment", "金额过高 amount too high"));

        assertThat(instance).isWaitingAt("Task_ProposeResolution").variables()
                .containsEntry("approvalComment", "金额过高 amount too high");
        assertThat(task()).hasCandidateGroup("customer-service");
        assertThat(instance).hasNotPassed("Task_NegotiateSettlement");

        propose("REFUND", 300.0); // below the managers' threshold: no approval now
        assertThat(instance).isWaitingAt("Task_NegotiateSettlement");
        verify(settlement, times(2)).proposed(any());
    }

    @Test
    void aRefusalByTheSecondTierStopsTheApprovalChain() {
        ProcessInstance instance = atProposal();
        propose("REFUND", 8000.0);
        complete(task(), Map.of("proposalApproved", true));
        assertThat(task()).hasCandidateGroup("compliance-legal");
        complete(task(), Map.of("proposalApproved", false, "approvalComment", "needs legal review of grounds"));
        assertThat(instance).isWaitingAt("Task_ProposeResolution");
    }

    @Test
    void aCounterOfferReturnsToTheProposalAndARejectionEndsWithTheFinalResponse() throws Exception {
        ProcessInstance instance = atProposal();
        propose("REFUND", 200.0);
        complete(task(), Map.of("settlementResponse", "COUNTER", "counterAmount", 450.0, "counterReason", "two months overcharged"));
        assertThat(instance).isWaitingAt("Task_ProposeResolution").variables().containsEntry("counterAmount", 450.0);

        propose("REFUND", 400.0);
        answer("REJECT");
        assertThat(instance).isWaitingAt("Task_WriteFinalResponse");
        assertThat(task()).hasCandidateGroup("customer-service");
        complete(task(), Map.of("companyPosition", "费率符合合同约定 the rate matches the contract"));

        assertThat(instance).hasPassedInOrder("Task_IssueFinalResponse", "Gateway_ReferralOpen");
        letExternalActionWindowPass(instance);
        closeWith(instance, "REJECTED");
        assertThat(instance).hasNotPassed("Task_DraftAgreement", "Task_PayRemedy");
        verify(delegate("recordSettlementResponse"), times(2)).execute(any());
        verify(delegate("issueFinalResponse")).execute(any());
        assertThat(closedAs).containsExactly("REJECTED");
    }

    @Test
    void counterOffersAreBoundedAndTheLastOneIsTreatedAsARejection() {
        ProcessInstance instance = atProposal();
        for (int round = 1; round <= 3; round++) {
            propose("REFUND", 100.0 * round);
            complete(task(), Map.of("settlementResponse", "COUNTER", "counterAmount", 999.0, "counterReason", "still too little"));
        }
        // the third counter reaches complaint-desk.policy.max-negotiation-rounds (3): no fourth proposal
        assertThat(instance).isWaitingAt("Task_WriteFinalResponse");
        verify(settlement, times(3)).proposed(any());
    }

    @Test
    void theComplainantsAnswerCanArriveAsMessageSettlementResponse() throws Exception {
        ProcessInstance instance = atProposal();
        propose("REFUND", 200.0);
        assertThat(instance).isWaitingAt("Task_NegotiateSettlement");

        processEngine.getRuntimeService().createMessageCorrelation("SettlementResponse")
                .processInstanceBusinessKey(NUMBER)
                .setVariable("settlementResponse", "ACCEPT")
                .correlate();

        assertThat(instance).hasPassed("Event_SettlementResponseReceived", "Task_RecordSettlementResponse")
                .isWaitingAt("Task_SignAgreement");
        signAndCarryOut(instance, "Task_PayRemedy");
        closeWith(instance, "RESOLVED_MONETARY");
    }

    @Test
    void anUnsignedAgreementLeadsToTheFinalResponse() {
        ProcessInstance instance = atProposal();
        propose("APOLOGY", 0);
        answer("ACCEPT");
        assertThat(instance).isWaitingAt("Task_SignAgreement");
        complete(task(), Map.of("agreementSigned", false));
        assertThat(instance).isWaitingAt("Task_WriteFinalResponse").hasNotPassed("Task_IssueStatement");
    }

    @Test
    void aRemedyNotCarriedOutIsCarriedOutAgain() throws Exception {
        ProcessInstance instance = atProposal();
        propose("REFUND", 200.0);
        answer("ACCEPT");
        complete(task(), Map.of("agreementSigned", true, "signatureMethod", "ONLINE_CONFIRMATION", "signedOn", "2026-11-26"));
        ProcessInstance execution = calledInstance(instance, "settlement-execution");
        execute(job("Task_PayRemedy", execution));
        complete(task(execution), Map.of("executionConfirmed", false, "executionNote", "bank returned the transfer"));

        assertThat(execution).isWaitingAt("Task_PayRemedy");
        execute(job("Task_PayRemedy", execution));
        assertThat(execution).isWaitingAt("Task_ConfirmExecution");
        assertThat(instance).isWaitingAt("Task_CarryOutSettlement");
        // the step ran twice; the ledger's idempotency key (tested in RemedyExecutionTest) keeps it one payment
        verify(delegate("payRemedy"), times(2)).execute(any());
    }
}
