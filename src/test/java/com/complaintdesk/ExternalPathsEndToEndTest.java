package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.completion.CompletionRefusedException;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.legal.LegalActions;
import com.complaintdesk.legal.LegalCase;
import com.complaintdesk.legal.LegalCaseRepository;
import com.complaintdesk.referral.Referrals;
import com.complaintdesk.referral.Regulator;
import com.complaintdesk.referral.RegulatorReferral;
import com.complaintdesk.referral.RegulatorReferralRepository;
import com.complaintdesk.settlement.LedgerRepository;
import com.complaintdesk.settlement.ProposalRepository;
import com.complaintdesk.settlement.SettlementProposal;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.IntegrationUser;
import com.complaintdesk.support.Mailbox;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import com.complaintdesk.support.StaffSteps;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The legal path and the regulator's referral on PostgreSQL, with the real services: a regulator's decision sent
 * twice through the engine REST API pays its refund once; a court mediation is carried out and closes the complaint
 * LEGAL_SETTLED; bad input names the field and writes nothing.
 */
@ComplaintDeskSpringTest
class ExternalPathsEndToEndTest {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired ComplaintRepository complaints;
    @Autowired Referrals referrals;
    @Autowired LegalActions legalActions;
    @Autowired RegulatorReferralRepository referralRows;
    @Autowired LegalCaseRepository legalCases;
    @Autowired LedgerRepository ledger;
    @Autowired ProposalRepository proposals;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired GreenMail mailServer;

    @Test
    void aRegulatorsDecisionSentTwiceThroughTheRestApiPaysTheRefundOnce() {
        String number = register(Category.FEE_DISPUTE);
        String reference = "PBOC-E2E-" + TestIds.digits();
        referrals.receive(number, new Referrals.ReferralNotice(Regulator.PBOC_12363, reference, LocalDate.of(2026, 11, 26), null,
                "商户投诉手续费多收 merchant says fees were overcharged"));

        ProcessInstance referral = referralOf(number);
        RegulatorReferral row = referralRows.findByRegulatorAndReference(Regulator.PBOC_12363, reference).orElseThrow();
        assertThat(row.getResponseDueAt()).as("the default: 7 working days").isAfter(records.now());
        assertThat(taskService.createTaskQuery().processInstanceId(referral.getId()).singleResult().getDueDate()).isNotNull();
        // compliance-legal and the managers are told, with the due date and the dossier's address
        MimeMessage told = new Mailbox(mailServer).awaitOne(number, "监管转办 Regulator's referral");
        assertThat(Mailbox.text(told)).contains(reference, row.getResponseDueAt().atZone(BusinessTime.ZONE).toLocalDate().toString(),
                "/staff/complaints/" + number + "/dossier.zip");
        // the complaint's own handling waits where it was
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").count()).isEqualTo(1);

        StaffSteps staff = new StaffSteps(taskService, identityService);
        staff.complete(number, "chen.jing", "compliance-legal", "Task_PrepareResponse", Map.of("regulatorResponse", "已核实多收 overcharge confirmed"));
        staff.complete(number, "sun.li", "complaint-managers", "Task_ApproveResponse", Map.of("responseApproved", true));
        staff.complete(number, "chen.jing", "compliance-legal", "Task_SubmitResponse",
                Map.of("responseSubmittedOn", "2026-11-27", "submissionChannel", "REGULATOR_PLATFORM", "submissionReference", "R-1"));

        // the regulator's platform sends its decision through the engine REST API, as a technical user of complaint-integrations
        Http gateway = Http.on(port).as(IntegrationUser.ensure(identityService), IntegrationUser.PASSWORD);
        String decision = """
                {"messageName": "RegulatorDecision", "businessKey": "%s",
                 "correlationKeys": {"regulatorReference": {"value": "%s", "type": "String"}},
                 "processVariables": {"regulatorDecision": {"value": "REMEDY_ORDERED", "type": "String"},
                                      "remedy": {"value": "REFUND", "type": "String"},
                                      "proposedAmount": {"value": 300.0, "type": "Double"},
                                      "decidedOn": {"value": "2026-12-01", "type": "String"},
                                      "decisionSummary": {"value": "责令退还多收手续费 refund the overcharged fees", "type": "String"}}}
                """.formatted(number, reference);
        HttpResponse<String> first = gateway.postJson("/engine-rest/message", decision);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
        HttpResponse<String> second = gateway.postJson("/engine-rest/message", decision);
        assertThat(second.statusCode()).as("nothing waits for the decision any more: %s", second.body()).isEqualTo(400);

        // the refund job runs on the job executor; customer service confirms it, compliance-legal records compliance
        Task confirmation = await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("Task_ConfirmExecution").singleResult(), task -> task != null);
        Complaint complaint = records.get(number);
        assertThat(ledger.findByComplaintId(complaint.getId())).singleElement()
                .satisfies(entry -> assertThat(entry.getAmount()).isEqualByComparingTo("300.00"));
        SettlementProposal ordered = proposals.findById(referralRows.findById(row.getId()).orElseThrow().getProposalId()).orElseThrow();
        assertThat(ordered.getSource()).isEqualTo(SettlementProposal.Source.REGULATOR);
        assertThat(ordered.getStatus()).isEqualTo(SettlementProposal.Status.ACCEPTED);
        staff.complete(confirmation, "wang.fang", "customer-service", Map.of("executionConfirmed", true));
        staff.complete(number, "chen.jing", "compliance-legal", "Task_RecordCompliance",
                Map.of("compliedOn", "2026-12-03", "complianceNote", "已退款300元 300 refunded"));

        RegulatorReferral concluded = referralRows.findById(row.getId()).orElseThrow();
        assertThat(concluded.getDecision()).isEqualTo(RegulatorReferral.Decision.REMEDY_ORDERED);
        assertThat(concluded.getOutcome()).isEqualTo(Outcome.RESOLVED_MONETARY.name());
        assertThat(concluded.getSubmittedBy()).isEqualTo("chen.jing");
        assertThat(concluded.getResponseApprovedBy()).isEqualTo("sun.li");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(referral.getId()).count()).isZero();
        assertThat(ledger.findByComplaintId(complaint.getId())).hasSize(1);
        assertThat(records.get(number).isClosed()).as("the complaint's own handling goes on").isFalse();
    }

    @Test
    void aCourtMediationIsCarriedOutAndClosesTheComplaintLegalSettled() {
        String number = register(Category.TECHNICAL_FAULT);
        legalActions.file(number, new LegalActions.LegalNotice(LegalCase.Initiator.COMPLAINANT, LegalCase.Forum.COURT,
                "民事起诉状：要求赔偿停业损失 statement of claim for lost business"));
        assertThat(records.get(number).getStatus()).isEqualTo(ComplaintStatus.IN_LEGAL_PROCEEDINGS);
        assertThat(Mailbox.text(new Mailbox(mailServer).awaitOne(number, "诉讼/仲裁 Legal action"))).contains("评估索赔与风险");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").count())
                .as("legal action interrupts the handling").isZero();

        StaffSteps staff = new StaffSteps(taskService, identityService);
        // bad input names the field, and the task stays open
        assertThatThrownBy(() -> staff.complete(number, "chen.jing", "compliance-legal", "Task_AssessClaim",
                Map.of("claimAssessment", "待定 to be assessed")))
                .isInstanceOf(CompletionRefusedException.class).hasMessageContaining("exposureAmount: is required");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_AssessClaim").count()).isEqualTo(1);
        staff.complete(number, "chen.jing", "compliance-legal", "Task_AssessClaim",
                Map.of("claimAmount", 20000.0, "exposureAmount", 2000.0, "claimAssessment", "损失证据不足 losses poorly evidenced"));
        staff.complete(number, "chen.jing", "compliance-legal", "Task_EngageCounsel",
                Map.of("counselFirm", "中伦律师事务所", "counselLawyer", "王律师", "counselEngagedOn", "2026-11-27"));
        staff.complete(number, "chen.jing", "compliance-legal", "Task_RecordFiling", Map.of("legalForum", "COURT",
                "tribunalName", "北京市朝阳区人民法院", "caseNumber", "(2026)京0105民初" + (System.nanoTime() % 100_000) + "号", "filedOn", "2026-11-20"));
        assertThatThrownBy(() -> staff.complete(number, "chen.jing", "compliance-legal", "Task_RecordHearing",
                Map.of("hearingDate", "2026-11-19", "hearingSummary", "误填 wrong date", "caseStage", "MEDIATION")))
                .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("hearingDate: cannot be before the filing date");
        staff.complete(number, "chen.jing", "compliance-legal", "Task_RecordHearing",
                Map.of("hearingDate", "2026-12-10", "hearingSummary", "法院主持调解 court-led mediation", "caseStage", "MEDIATION"));
        staff.complete(number, "chen.jing", "compliance-legal", "Task_RecordMediation", Map.of("remedy", "COMPENSATION",
                "proposedAmount", 1500.0, "mediationTerms", "赔偿1500元，原告撤诉 1500 paid, claim withdrawn", "mediatedOn", "2026-12-10"));

        Task confirmation = await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("Task_ConfirmExecution").singleResult(), task -> task != null);
        Complaint complaint = records.get(number);
        assertThat(ledger.findByComplaintId(complaint.getId())).singleElement()
                .satisfies(entry -> assertThat(entry.getAmount()).isEqualByComparingTo("1500.00"));
        staff.complete(confirmation, "wang.fang", "customer-service", Map.of("executionConfirmed", true));

        Complaint closed = records.get(number);
        assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo(Outcome.LEGAL_SETTLED);
        assertThat(closed.getClosingSummary()).contains("北京市朝阳区人民法院");
        LegalCase legalCase = legalCases.findByComplaintIdOrderByOpenedAtAsc(closed.getId()).get(0);
        assertThat(legalCase.getOutcome()).isEqualTo("LEGAL_SETTLED");
        assertThat(legalCase.getHearings()).isEqualTo(1);
        assertThat(legalCase.getCounselLawyer()).isEqualTo("王律师");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void legalActionMovesTheReferralsBeingAnsweredToAFollowUpComplaintAndLaterReferralsGoThereToo() {
        String number = register(Category.FEE_DISPUTE);
        String reference = "PBOC-MOVE-" + TestIds.digits();
        referrals.receive(number, new Referrals.ReferralNotice(Regulator.PBOC_12363, reference, LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 7), "手续费 fees"));
        RegulatorReferral before = referralRows.findByRegulatorAndReference(Regulator.PBOC_12363, reference).orElseThrow();

        legalActions.file(number, new LegalActions.LegalNotice(LegalCase.Initiator.COMPLAINANT, LegalCase.Forum.ARBITRATION,
                "仲裁申请书 application for arbitration"));

        // the referral goes on, on a follow-up complaint of channel REGULATOR, from the start of the response
        RegulatorReferral moved = referralRows.findById(before.getId()).orElseThrow();
        assertThat(moved.getComplaintId()).isNotEqualTo(before.getComplaintId());
        assertThat(moved.getOutcome()).isNull();
        Complaint followUp = complaints.findById(moved.getComplaintId()).orElseThrow();
        assertThat(followUp.getChannel()).isEqualTo(Channel.REGULATOR);
        assertThat(followUp.getDescription()).contains(number);
        assertThat(referralOf(followUp.getComplaintNumber()).getId()).isEqualTo(moved.getProcessInstanceId());
        assertThat(taskService.createTaskQuery().processInstanceId(moved.getProcessInstanceId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_PrepareResponse");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("regulator-referral").processInstanceBusinessKey(number)
                .count()).isZero();
        assertThat(records.get(number).getStatus()).isEqualTo(ComplaintStatus.IN_LEGAL_PROCEEDINGS);

        // a new referral of the complaint in legal proceedings is answered on a follow-up complaint too
        String answeredOn = referrals.receive(number, new Referrals.ReferralNotice(Regulator.SAMR_12315, "12315-MOVE-" + TestIds.digits(),
                null, null, "再次投诉 again"));
        assertThat(answeredOn).isNotEqualTo(number);
        assertThat(referralOf(answeredOn)).isNotNull();
    }

    @Test
    void aReferralWithoutItsReferenceIsRefusedThroughTheRestApiAndWritesNothing() {
        String number = register(Category.SERVICE_QUALITY);
        long referralsBefore = referralRows.count();
        Http gateway = Http.on(port).as(IntegrationUser.ensure(identityService), IntegrationUser.PASSWORD);
        HttpResponse<String> response = gateway.postJson("/engine-rest/message", """
                {"messageName": "RegulatorReferralReceived", "businessKey": "%s",
                 "processVariables": {"regulator": {"value": "SAMR_12315", "type": "String"}}}
                """.formatted(number));

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).contains("regulatorReference");
        assertThat(referralRows.count()).isEqualTo(referralsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("regulator-referral").processInstanceBusinessKey(number).count())
                .isZero();
        assertThat(runtimeService.getVariable(lifecycleOf(number).getId(), "openReferrals")).isNull();
    }

    @Test
    void aForwardedComplaintIsRegisteredWithChannelRegulatorAndABadNoticeRegistersNothing() {
        String merchant = "M-FWD-" + TestIds.digits();
        ComplaintRegistration forwarded = new ComplaintRegistration(Channel.REGULATOR, "周七", "13900001111", null, merchant, null,
                Category.BRAND_MARKETING, false, "12315转来：冒用拉卡拉品牌推销 12315 forwarded: brand misused in sales calls", null, null);
        long before = complaints.count();
        assertThatThrownBy(() -> referrals.receiveForwarded(forwarded, new Referrals.ReferralNotice(Regulator.SAMR_12315, " ", null, null, "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
                        .anySatisfy(error -> assertThat(error.field()).isEqualTo("regulatorReference")));
        assertThat(complaints.count()).isEqualTo(before);

        String number = referrals.receiveForwarded(forwarded, new Referrals.ReferralNotice(Regulator.SAMR_12315,
                "12315-FWD-" + TestIds.digits(), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 4), "冒用品牌 brand misuse"));
        assertThat(records.get(number).getChannel()).isEqualTo(Channel.REGULATOR);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").count()).isEqualTo(1);
        Task prepare = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_PrepareResponse").singleResult();
        assertThat(prepare.getDueDate().toInstant().atZone(BusinessTime.ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 4));

        // the due date passes with the response unwritten: the managers are alerted, and the task stays
        var overdue = managementService.createJobQuery().processInstanceId(prepare.getProcessInstanceId())
                .activityId("Event_ResponseOverduePrepare").singleResult();
        assertThat(overdue.getDuedate()).isEqualTo(prepare.getDueDate());
        managementService.executeJob(overdue.getId());
        assertThat(Mailbox.text(new Mailbox(mailServer).awaitOne(number, "监管答复逾期 Regulator's response overdue")))
                .contains("2026-12-04", "准备答复 Prepare the response");
        assertThat(taskService.createTaskQuery().taskId(prepare.getId()).count()).isEqualTo(1);
    }

    // ---- helpers ----

    private String register(Category category) {
        return intake.register(new ComplaintRegistration(Channel.HOTLINE, "钱五", "13700007777", null, "M-EXT-" + TestIds.digits(),
                "T-1", category, false, "投诉 complaint about the terminal service", null, null)).complaint().getComplaintNumber();
    }

    private ProcessInstance lifecycleOf(String number) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-lifecycle").processInstanceBusinessKey(number)
                .singleResult();
    }

    private ProcessInstance referralOf(String number) {
        ProcessInstance referral = runtimeService.createProcessInstanceQuery().processDefinitionKey("regulator-referral")
                .processInstanceBusinessKey(number).singleResult();
        assertThat(referral).as("regulator-referral of %s", number).isNotNull();
        return referral;
    }

}
