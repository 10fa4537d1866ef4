package com.complaintdesk.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.settlement.LedgerRepository;
import com.complaintdesk.settlement.ProposalRepository;
import com.complaintdesk.settlement.RemedyExecution;
import com.complaintdesk.settlement.SettlementProposal;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks of issue 15 on money, through the engine REST API as the demo users would send them, on PostgreSQL: a
 * task completion carrying a variable its form does not declare (proposalId, complaintNumber, an amount) is refused
 * with 400 naming it and writes nothing; a required field left out is refused the same way; the payment reads the
 * complaint's accepted and signed proposal from our tables; the approval table weighs a replacement's device value.
 */
@ComplaintDeskSpringTest
class TaskCompletionTrustTest {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProposalRepository proposals;
    @Autowired LedgerRepository ledger;
    @Autowired RemedyExecution remedies;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void submitFormOnTheTriageTaskMustCarryEveryRequiredFieldAndOnlyTheFormsFields() {
        String number = feeDispute();
        Task triage = staff().waitingTask(number, "complaint-lifecycle", "Task_TriageComplaint");
        Http clerk = Http.on(port).as("wang.fang", "demo");

        HttpResponse<String> onlyCategory = clerk.postJson("/engine-rest/task/" + triage.getId() + "/submit-form",
                "{\"variables\": {\"category\": {\"value\": \"TECHNICAL_FAULT\"}}}");
        assertThat(onlyCategory.statusCode()).as(onlyCategory.body()).isEqualTo(400);
        assertThat(onlyCategory.body()).contains("subCategory", "is required");

        HttpResponse<String> injected = clerk.postJson("/engine-rest/task/" + triage.getId() + "/complete",
                "{\"variables\": " + triageFields(false, "\"department\": {\"value\": \"marketing-brand\"}") + "}");
        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(400);
        assertThat(injected.body()).contains("department", "is not a field of this task's form");

        HttpResponse<String> unknownValue = clerk.postJson("/engine-rest/task/" + triage.getId() + "/submit-form",
                "{\"variables\": {\"category\": {\"value\": \"FEE_DISPUTE\"}, \"subCategory\": {\"value\": \"FREE_MONEY\"}}}");
        assertThat(unknownValue.statusCode()).as(unknownValue.body()).isEqualTo(400);
        assertThat(unknownValue.body()).contains("subCategory", "must be one of");

        HttpResponse<String> otherCategorysSub = clerk.postJson("/engine-rest/task/" + triage.getId() + "/submit-form",
                "{\"variables\": " + triageFields(false, null).replace("RATE_RAISED_WITHOUT_NOTICE", "CARD_READER") + "}");
        assertThat(otherCategorysSub.statusCode()).as(otherCategorysSub.body()).isEqualTo(400);
        assertThat(otherCategorysSub.body()).contains("subCategory", "must be a sub-category of 手续费争议 Fee dispute",
                "CARD_READER", "is one of 技术故障 Technical fault");

        HttpResponse<String> duplicateWithoutOriginal = clerk.postJson("/engine-rest/task/" + triage.getId() + "/submit-form",
                "{\"variables\": " + triageFields(true, null) + "}");
        assertThat(duplicateWithoutOriginal.statusCode()).as("duplicateOf shows, and is required, once isDuplicate is ticked")
                .isEqualTo(400);
        assertThat(duplicateWithoutOriginal.body()).contains("duplicateOf", "is required");

        HttpResponse<String> setVariable = clerk.postJson("/engine-rest/task/" + triage.getId() + "/variables",
                "{\"modifications\": {\"department\": {\"value\": \"marketing-brand\"}}}");
        assertThat(setVariable.statusCode()).as(setVariable.body()).isEqualTo(403);
        assertThat(setVariable.body()).contains("department");

        assertThat(staff().waitingTask(number, "complaint-lifecycle", "Task_TriageComplaint").getId())
                .as("nothing was completed").isEqualTo(triage.getId());
        assertThat(runtimeService.getVariable(triage.getProcessInstanceId(), "category")).as("nothing was written").isEqualTo("FEE_DISPUTE");
        assertThat(runtimeService.getVariable(triage.getProcessInstanceId(), "department")).isNull();

        HttpResponse<String> complete = clerk.postJson("/engine-rest/task/" + triage.getId() + "/submit-form",
                "{\"variables\": " + triageFields(false, null) + "}");
        assertThat(complete.statusCode()).as("the form's fields, its hidden duplicateOf left out: %s", complete.body()).isEqualTo(204);
        staff().waitingTask(number, "complaint-lifecycle", "Task_AuditFees");
    }

    @Test
    void aClerkCannotPayTheRefusedProposalNorAnotherComplaintsAndTheAcceptedOneIsPaidOnce() {
        // another complaint, accepted at ¥400 and waiting at its own signature
        String other = atProposal();
        propose(other, "REFUND", 400);
        staff().complete(other, "wang.fang", "customer-service", "Task_NegotiateSettlement", Map.of("settlementResponse", "ACCEPT"));
        staff().waitingTask(other, "complaint-lifecycle", "Task_SignAgreement");

        String number = atProposal();
        propose(number, "REFUND", 3000);
        Task approval = staff().waitingTask(number, "complaint-lifecycle", "Task_ApproveProposal");
        Http manager = Http.on(port).as("sun.li", "demo");
        HttpResponse<String> approvedLower = manager.postJson("/engine-rest/task/" + approval.getId() + "/submit-form",
                "{\"variables\": {\"proposalApproved\": {\"value\": true}, \"proposedAmount\": {\"value\": 100}}}");
        assertThat(approvedLower.statusCode()).as(approvedLower.body()).isEqualTo(400);
        assertThat(approvedLower.body()).contains("proposedAmount");
        staff().complete(approval, "sun.li", "complaint-managers", Map.of("proposalApproved", false, "approvalComment", "太高 too much"));
        long refused = latestProposal(number).getId();
        assertThat(latestProposal(number).getStatus()).isEqualTo(SettlementProposal.Status.REFUSED);

        propose(number, "REFUND", 100);
        Task negotiation = staff().waitingTask(number, "complaint-lifecycle", "Task_NegotiateSettlement");
        Http clerk = Http.on(port).as("wang.fang", "demo");
        HttpResponse<String> acceptRefused = clerk.postJson("/engine-rest/task/" + negotiation.getId() + "/complete",
                "{\"variables\": {\"settlementResponse\": {\"value\": \"ACCEPT\"}, \"proposalId\": {\"value\": " + refused + ", \"type\": \"Long\"}}}");
        assertThat(acceptRefused.statusCode()).as(acceptRefused.body()).isEqualTo(400);
        assertThat(acceptRefused.body()).contains("proposalId");
        staff().complete(negotiation, "wang.fang", "customer-service", Map.of("settlementResponse", "ACCEPT"));
        long accepted = latestProposal(number).getId();

        Task sign = staff().waitingTask(number, "complaint-lifecycle", "Task_SignAgreement");
        String signed = "\"agreementSigned\": {\"value\": true}, \"signatureMethod\": {\"value\": \"PHONE_RECORDING\"}, "
                + "\"signedOn\": {\"value\": \"" + LocalDate.now(BusinessTime.ZONE) + "\"}";
        HttpResponse<String> refusedProposal = clerk.postJson("/engine-rest/task/" + sign.getId() + "/submit-form",
                "{\"variables\": {" + signed + ", \"proposalId\": {\"value\": " + refused + ", \"type\": \"Long\"}}}");
        assertThat(refusedProposal.statusCode()).as(refusedProposal.body()).isEqualTo(400);
        assertThat(refusedProposal.body()).contains("proposalId", "is not a field of this task's form");
        HttpResponse<String> otherComplaint = clerk.postJson("/engine-rest/task/" + sign.getId() + "/submit-form",
                "{\"variables\": {" + signed + ", \"complaintNumber\": {\"value\": \"" + other + "\"}, \"proposedAmount\": {\"value\": 2500}}}");
        assertThat(otherComplaint.statusCode()).as(otherComplaint.body()).isEqualTo(400);
        assertThat(otherComplaint.body()).contains("complaintNumber", "proposedAmount");
        assertThat(ledger.findByComplaintId(complaint(number).getId())).as("nothing paid by a refused completion").isEmpty();

        HttpResponse<String> honest = clerk.postJson("/engine-rest/task/" + sign.getId() + "/submit-form", "{\"variables\": {" + signed + "}}");
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> !ledger.findByComplaintId(complaint(number).getId()).isEmpty());
        assertThat(ledger.findByComplaintId(complaint(number).getId())).singleElement()
                .satisfies(entry -> assertThat(entry.getAmount()).isEqualByComparingTo("100.00"));
        assertThat(remedies.settlementToCarryOut(complaint(number)).getId()).isEqualTo(accepted).isNotEqualTo(refused);
        remedies.pay(number); // a retried step pays nothing more
        assertThat(ledger.findByComplaintId(complaint(number).getId())).hasSize(1);

        // the other complaint's proposal is accepted but not signed: the service pays nothing for it
        assertThatThrownBy(() -> remedies.pay(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no settlement to carry out");
        assertThat(ledger.findByComplaintId(complaint(other).getId())).isEmpty();
    }

    @Test
    void aReplacementWorth6000AsksComplaintManagersAndComplianceLegalWhoReadItsValue() {
        String number = atProposal();
        Task proposal = staff().waitingTask(number, "complaint-lifecycle", "Task_ProposeResolution");
        HttpResponse<String> freeRefund = Http.on(port).as("chen.jing", "demo").postJson("/engine-rest/task/" + proposal.getId() + "/submit-form",
                "{\"variables\": {\"remedy\": {\"value\": \"REFUND\"}, \"proposedAmount\": {\"value\": 0}, "
                        + "\"proposalRationale\": {\"value\": \"依据 grounds\"}, \"rootCause\": {\"value\": \"FEE_CONFIGURATION\"}}}");
        assertThat(freeRefund.statusCode()).as("the listener's refusal, not a 500: %s", freeRefund.body()).isEqualTo(400);
        assertThat(freeRefund.body()).contains("proposedAmount", "must be more than 0");
        assertThat(proposals.findByComplaintIdOrderByRoundAsc(complaint(number).getId())).as("nothing written").isEmpty();

        propose(number, "REPLACEMENT", 6000);

        assertThat(latestProposal(number).getAmount()).isEqualByComparingTo("6000.00");
        Task first = staff().waitingTask(number, "complaint-lifecycle", "Task_ApproveProposal");
        assertThat(runtimeService.getVariable(first.getProcessInstanceId(), "approverGroups"))
                .isEqualTo(List.of("complaint-managers", "compliance-legal"));
        assertThat(staff().candidateGroups(first)).containsExactly("complaint-managers");
        assertThat(taskService.getVariable(first.getId(), "proposedAmount")).as("the approver's summary reads it").isEqualTo(6000.0);
        staff().complete(first, "sun.li", "complaint-managers", Map.of("proposalApproved", true));
        Task second = staff().waitingTask(number, "complaint-lifecycle", "Task_ApproveProposal");
        assertThat(staff().candidateGroups(second)).containsExactly("compliance-legal");
    }

    // ---- the way to a proposal: a fee dispute, triaged and audited ----

    private String feeDispute() {
        IntakeService.Registered complaint = intake.register(new ComplaintRegistration(Channel.HOTLINE, "李四", "13800138000",
                "li.si@example.com", "M-" + TestIds.digits(), "T-88001", Category.FEE_DISPUTE, false,
                "费率从0.60%涨到0.78%，没有通知 rate raised without notice", new BigDecimal("0.60"),
                List.of(new ComplaintRegistration.TransactionLine("TX-1", Instant.parse("2026-11-20T02:00:00Z"),
                        new BigDecimal("10000.00"), new BigDecimal("78.00")))));
        return registered.add(complaint.complaint().getComplaintNumber());
    }

    private String atProposal() {
        String number = feeDispute();
        staff().complete(number, "wang.fang", "customer-service", "Task_TriageComplaint", Map.of("category", "FEE_DISPUTE",
                "subCategory", "RATE_RAISED_WITHOUT_NOTICE", "viaSalesPromotion", false, "evidenceRequired", false, "isDuplicate", false));
        staff().complete(number, "chen.jing", "compliance-legal", "Task_AuditFees", Map.of("confirmedRefund", 18.0,
                "findings", "0.78% charged against a 0.60% contract"));
        return number;
    }

    private void propose(String number, String remedy, double amount) {
        staff().complete(number, "chen.jing", "compliance-legal", "Task_ProposeResolution", Map.of("remedy", remedy,
                "proposedAmount", amount, "proposalRationale", "依据 grounds", "rootCause", "FEE_CONFIGURATION"));
    }

    private static String triageFields(boolean isDuplicate, String extra) {
        return "{\"category\": {\"value\": \"FEE_DISPUTE\"}, \"subCategory\": {\"value\": \"RATE_RAISED_WITHOUT_NOTICE\"}, "
                + "\"viaSalesPromotion\": {\"value\": false}, \"evidenceRequired\": {\"value\": false}, "
                + "\"isDuplicate\": {\"value\": " + isDuplicate + "}, \"triageNote\": {\"value\": \"\"}" + (extra == null ? "" : ", " + extra) + "}";
    }

    private SettlementProposal latestProposal(String number) {
        List<SettlementProposal> all = proposals.findByComplaintIdOrderByRoundAsc(complaint(number).getId());
        return all.get(all.size() - 1);
    }

    private Complaint complaint(String number) {
        return records.get(number);
    }

    private StaffSteps staff() {
        return new StaffSteps(taskService, identityService);
    }
}
