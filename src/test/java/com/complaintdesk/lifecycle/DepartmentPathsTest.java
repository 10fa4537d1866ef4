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

/** Each routed department's investigation, from routing to closure. */
abstract class DepartmentPathsTest extends LifecycleProcessTest {

    @Test
    void technicalFaultWithSiteVisitAndManufacturerReferralEndsInRepair() throws Exception {
        ProcessInstance instance = startAtInvestigation("technical-support", "TECHNICAL_FAULT");
        assertThat(instance).isWaitingAt("Task_DiagnoseFault");
        assertThat(task()).hasCandidateGroup("technical-support");

        complete(task(), Map.of("diagnosis", "读卡器损坏 card reader broken", "fixMethod", "ONSITE_REPAIR", "visitDate", "2026-11-27",
                "manufacturerReferral", true, "referralParty", "厂商 Maker Ltd", "findings", "hardware fault"));
        assertThat(instance).isWaitingAt("Task_RecordSiteVisit");
        assertThat(task()).hasCandidateGroup("technical-support");
        complete(task(), Map.of("visitOutcome", "replaced reader", "deviceRepaired", true));
        assertThat(instance).isWaitingAt("Task_RecordManufacturerAnswer");
        complete(task(), Map.of("manufacturerAnswer", "defect confirmed", "manufacturerAcceptsDefect", true));

        assertThat(instance).isWaitingAt("Task_ProposeResolution");
        assertThat(task()).hasCandidateGroup("technical-support");
        propose("REPAIR", 0);
        assertThat(instance).hasPassed("Task_DetermineApprovers").hasNotPassed("Task_ApproveProposal");
        answer("ACCEPT");
        signAndCarryOut(instance, "Task_OrderDeviceService");
        closeWith(instance, "RESOLVED_NON_MONETARY");

        assertThat(instance).hasPassedInOrder("Task_RegisterComplaint", "Task_TriageComplaint", "Task_RouteComplaint",
                "Task_DiagnoseFault", "Task_RecordSiteVisit", "Task_RecordManufacturerAnswer", "Task_ProposeResolution",
                "Task_NegotiateSettlement", "Task_RecordSettlementResponse", "Task_DraftAgreement", "Task_SignAgreement",
                "Task_CarryOutSettlement", "Task_CloseComplaint", "Task_RecordClosure");
        assertThat(instance).hasNotPassed("Task_RequestEvidence", "Task_PayRemedy", "Task_IssueStatement", "Task_WriteFinalResponse");
        verify(investigation).diagnosed(any());
        verify(investigation).siteVisitRecorded(any());
        verify(investigation).manufacturerAnswered(any());
        verify(delegate("orderDeviceService")).execute(any());
        verify(delegate("payRemedy"), never()).execute(any());
        verify(settlement).offered(any());
        verify(agreements).signed(any());
        verify(remedies).confirmed(any());
        assertThat(closedAs).containsExactly("RESOLVED_NON_MONETARY");
    }

    @Test
    void remoteFixSkipsTheVisitAndTheReferral() {
        ProcessInstance instance = startAtInvestigation("technical-support", "TECHNICAL_FAULT");
        complete(task(), Map.of("diagnosis", "network settings", "fixMethod", "REMOTE_FIX", "manufacturerReferral", false,
                "findings", "fixed remotely"));
        assertThat(instance).isWaitingAt("Task_ProposeResolution");
        assertThat(instance).hasNotPassed("Task_RecordSiteVisit", "Task_RecordManufacturerAnswer");
    }

    @Test
    void feeDisputeIsAuditedByComplianceAndTheRefundApprovedByManagersIsPaid() throws Exception {
        ProcessInstance instance = startAtInvestigation("compliance-legal", "FEE_DISPUTE");
        assertThat(instance).hasPassed("Task_ComputeFeeAudit").isWaitingAt("Task_AuditFees");
        assertThat(task()).hasCandidateGroup("compliance-legal");
        verify(delegate("computeFeeAudit")).execute(any());
        complete(task(), Map.of("confirmedRefund", 800.0, "findings", "rate raised without notice"));
        verify(investigation).feesAudited(any());

        propose("REFUND", 800.0);
        assertThat(instance).isWaitingAt("Task_ApproveProposal").variables()
                .containsEntry("approverGroups", java.util.List.of("complaint-managers"));
        assertThat(task()).hasCandidateGroup("complaint-managers");
        complete(task(), Map.of("proposalApproved", true));
        verify(settlement).approvalRequested(any());
        verify(settlement).approvalDecided(any());

        answer("ACCEPT");
        signAndCarryOut(instance, "Task_PayRemedy");
        closeWith(instance, "RESOLVED_MONETARY");
        verify(delegate("payRemedy"), times(1)).execute(any());
        assertThat(instance).hasNotPassed("Task_DiagnoseFault", "Task_InvestigateBrandIssue", "Task_InvestigateServiceIssue");
    }

    @Test
    void largeCompensationForABrandIssueNeedsManagersThenCompliance() {
        ProcessInstance instance = startAtInvestigation("marketing-brand", "BRAND_MARKETING");
        assertThat(instance).isWaitingAt("Task_InvestigateBrandIssue");
        assertThat(task()).hasCandidateGroup("marketing-brand");
        complete(task(), Map.of("brandIssueType", "MISLEADING_PROMOTION", "correctiveAction", "agent retrained", "findings", "false 0.38% promise"));
        propose("COMPENSATION", 6000.0);

        assertThat(instance).isWaitingAt("Task_ApproveProposal");
        assertThat(task()).hasCandidateGroup("complaint-managers");
        complete(task(), Map.of("proposalApproved", true));
        assertThat(instance).isWaitingAt("Task_ApproveProposal");
        assertThat(task()).hasCandidateGroup("compliance-legal");
        complete(task(), Map.of("proposalApproved", true));

        assertThat(instance).isWaitingAt("Task_NegotiateSettlement");
        verify(investigation).brandInvestigated(any());
        verify(settlement, times(2)).approvalDecided(any());
    }

    @Test
    void complianceComplaintGetsAComplianceInvestigationNotTheFeeAudit() throws Exception {
        routedInvestigation = "COMPLIANCE_INVESTIGATION";
        ProcessInstance instance = startAtInvestigation("compliance-legal", "COMPLIANCE");
        assertThat(instance).isWaitingAt("Task_InvestigateComplianceIssue").hasNotPassed("Task_ComputeFeeAudit");
        assertThat(task()).hasCandidateGroup("compliance-legal");
        complete(task(), Map.of("complianceIssueType", "DATA_PRIVACY_BREACH", "findings", "agent kept ID card copies",
                "rootCause", "AGENT_MISCONDUCT", "correctiveAction", "copies destroyed, agent retrained", "remedy", "APOLOGY"));
        verify(investigation).complianceInvestigated(any());

        assertThat(instance).isWaitingAt("Task_ProposeResolution");
        assertThat(task()).hasCandidateGroup("compliance-legal");
        assertThat(instance).variables().containsEntry("remedy", "APOLOGY").containsEntry("rootCause", "AGENT_MISCONDUCT");
        assertThat(instance).hasNotPassed("Task_AuditFees", "Task_ConsultDepartment", "Task_InvestigateBrandIssue",
                "Task_DiagnoseFault", "Task_InvestigateServiceIssue");
        verify(delegate("computeFeeAudit"), never()).execute(any());
        verify(investigation, never()).consulted(any());
    }

    @Test
    void aRatePromisedInASalesPromotionIsMarketingsWithComplianceConsultedFirst() {
        consultedDepartment = "compliance-legal";
        ProcessInstance instance = startAtInvestigation("marketing-brand", "BRAND_MARKETING");
        assertThat(instance).isWaitingAt("Task_ConsultDepartment");
        assertThat(task()).hasCandidateGroup("compliance-legal");
        complete(task(), Map.of("consultationOpinion", "0.38% 为推广价，合同为0.60% the 0.38% was a promotional price; the contract says 0.60%"));
        verify(investigation).consulted(any());

        assertThat(instance).isWaitingAt("Task_InvestigateBrandIssue");
        assertThat(task()).hasCandidateGroup("marketing-brand");
        assertThat(instance).variables().containsKey("consultationOpinion");
        complete(task(), Map.of("brandIssueType", "AGENT_PROMISE_NOT_KEPT", "correctiveAction", "agent warned", "findings", "promise confirmed"));
        assertThat(instance).isWaitingAt("Task_ProposeResolution");
        assertThat(instance).hasPassedInOrder("Task_RouteComplaint", "Task_ConsultDepartment", "Task_InvestigateBrandIssue");
        assertThat(instance).hasNotPassed("Task_ComputeFeeAudit", "Task_InvestigateComplianceIssue");
    }

    @Test
    void serviceComplaintIsExplainedWithoutApproval() throws Exception {
        ProcessInstance instance = startAtInvestigation("customer-service", "SERVICE_QUALITY");
        assertThat(instance).isWaitingAt("Task_InvestigateServiceIssue");
        assertThat(task()).hasCandidateGroup("customer-service");
        complete(task(), Map.of("serviceActionTaken", "called back", "findings", "callback was missed"));
        propose("EXPLANATION", 0);
        assertThat(instance).hasNotPassed("Task_ApproveProposal");
        answer("ACCEPT");
        signAndCarryOut(instance, "Task_IssueStatement");
        closeWith(instance, "EXPLAINED");
        verify(investigation).serviceInvestigated(any());
        verify(delegate("issueStatement")).execute(any());
    }
}
