package com.complaintdesk.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.StaffSteps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Routing by the departments' remits, with the real routing table, listeners and tables on PostgreSQL: a compliance
 * complaint that is no fee dispute gets compliance-legal's own investigation (no fee audit), and a rate promised in a
 * sales promotion goes to marketing-brand after compliance-legal has given its opinion on the fees.
 */
@ComplaintDeskSpringTest
class RoutingByRemitEndToEndTest {

    private static final String LIFECYCLE = "complaint-lifecycle";

    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired InvestigationFindingRepository findings;
    @Autowired FeeAuditRecordRepository feeAudits;

    @Test
    void aDataPrivacyComplaintGetsAComplianceInvestigationOfItsOwn() {
        StaffSteps staff = new StaffSteps(taskService, identityService);
        String number = register(Category.COMPLIANCE, "代理商留存了我的身份证复印件 the agent kept copies of my ID card");
        staff.complete(number, "wang.fang", "customer-service", "Task_TriageComplaint", triage("COMPLIANCE", "DATA_PRIVACY"));

        Task investigation = staff.waitingTask(number, LIFECYCLE, "Task_InvestigateComplianceIssue");
        assertThat(staff.candidateGroups(investigation)).containsExactly("compliance-legal");
        assertThat(investigation.getPriority()).isEqualTo(75); // HIGH
        Complaint complaint = records.get(number);
        assertThat(complaint.getDepartment()).isEqualTo("compliance-legal");
        assertThat(feeAudits.findAll()).noneMatch(audit -> audit.getComplaintId().equals(complaint.getId()));

        // a breach without a corrective action is refused naming the field, and nothing is recorded
        Map<String, Object> breach = new HashMap<>(Map.of("complianceIssueType", "DATA_PRIVACY_BREACH",
                "findings", "代理商违规留存身份证复印件 the agent kept ID copies", "rootCause", "AGENT_MISCONDUCT", "remedy", "APOLOGY"));
        assertThatThrownBy(() -> staff.complete(investigation, "chen.jing", "compliance-legal", breach))
                .hasMessageContaining("correctiveAction");
        assertThat(findings.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint.getId())).isEmpty();

        breach.put("correctiveAction", "复印件已销毁，代理商已培训 copies destroyed, agent retrained");
        staff.complete(investigation, "chen.jing", "compliance-legal", breach);

        assertThat(findings.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint.getId())).singleElement().satisfies(f -> {
            assertThat(f.getStep()).isEqualTo("COMPLIANCE_REVIEW");
            assertThat(f.getDepartment()).isEqualTo("compliance-legal");
            assertThat(f.getDetails()).contains("complianceIssueType=DATA_PRIVACY_BREACH", "rootCause=AGENT_MISCONDUCT",
                    "recommendedRemedy=APOLOGY");
        });
        Task proposal = staff.waitingTask(number, LIFECYCLE, "Task_ProposeResolution");
        assertThat(taskService.getVariables(proposal.getId())).containsEntry("remedy", "APOLOGY")
                .containsEntry("rootCause", "AGENT_MISCONDUCT").containsEntry("investigationType", "COMPLIANCE_INVESTIGATION");
    }

    @Test
    void aRatePromisedInASalesPromotionIsMarketingsAfterComplianceGaveItsOpinion() {
        StaffSteps staff = new StaffSteps(taskService, identityService);
        String number = register(Category.BRAND_MARKETING, "代理商推广时承诺0.38%费率，实际0.60% the agent promised 0.38% in a promotion, 0.60% is charged");
        staff.complete(number, "wang.fang", "customer-service", "Task_TriageComplaint",
                triage("BRAND_MARKETING", "PROMOTION_RATE_NOT_HONOURED"));

        Task consultation = staff.waitingTask(number, LIFECYCLE, "Task_ConsultDepartment");
        assertThat(staff.candidateGroups(consultation)).containsExactly("compliance-legal");
        assertThat(consultation.getDueDate()).isNotNull();
        Complaint complaint = records.get(number);
        assertThat(complaint.getDepartment()).isEqualTo("marketing-brand");
        String instanceId = consultation.getProcessInstanceId();
        for (String group : List.of("marketing-brand", "compliance-legal")) {
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.READ,
                    Resources.PROCESS_INSTANCE, instanceId)).as(group).isTrue();
        }

        // the consultation takes only its own form's field
        assertThatThrownBy(() -> staff.complete(consultation, "chen.jing", "compliance-legal",
                Map.of("consultationOpinion", "ok", "remedy", "REFUND")))
                .hasMessageContaining("remedy");
        String opinion = "0.38% 为推广价，合同约定0.60%，未超监管上限 0.38% was a promotional price; the contract says 0.60%, within the caps";
        staff.complete(consultation, "chen.jing", "compliance-legal", Map.of("consultationOpinion", opinion));

        Task brand = staff.waitingTask(number, LIFECYCLE, "Task_InvestigateBrandIssue");
        assertThat(staff.candidateGroups(brand)).containsExactly("marketing-brand");
        assertThat(brand.getPriority()).isEqualTo(75);
        assertThat(taskService.getVariable(brand.getId(), "consultationOpinion")).isEqualTo(opinion);
        staff.complete(brand, "zhao.lei", "marketing-brand", Map.of("brandIssueType", "AGENT_PROMISE_NOT_KEPT",
                "correctiveAction", "代理商已警告 agent warned", "findings", "推广承诺属实 the promise was made"));

        assertThat(findings.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint.getId()))
                .extracting(InvestigationFinding::getStep, InvestigationFinding::getDepartment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CONSULTATION", "compliance-legal"),
                        org.assertj.core.groups.Tuple.tuple("BRAND_REVIEW", "marketing-brand"));
        assertThat(records.timelineOf(records.get(number))).extracting(TimelineEntry::getDetail)
                .anySatisfy(detail -> assertThat(detail).contains("会签 Consulted: compliance-legal"));
        assertThat(feeAudits.findAll()).noneMatch(audit -> audit.getComplaintId().equals(complaint.getId()));
        staff.waitingTask(number, LIFECYCLE, "Task_ProposeResolution");
    }

    /**
     * A complaint routed by a model version before the table named the investigation (migrated while it waited for
     * evidence, so it has no investigationType) gets it from its current version's table at the consultation gateway,
     * instead of failing at the investigation gateway.
     */
    @Test
    void aComplaintRoutedByAnEarlierVersionGetsItsInvestigationFromTheTable() {
        StaffSteps staff = new StaffSteps(taskService, identityService);
        String number = register(Category.TECHNICAL_FAULT, "终端无法开机 the terminal will not power on");
        Map<String, Object> triage = new HashMap<>(triage("TECHNICAL_FAULT", "WONT_POWER_ON"));
        triage.put("evidenceRequired", true);
        staff.complete(number, "wang.fang", "customer-service", "Task_TriageComplaint", triage);
        Task awaiting = staff.waitingTask(number, LIFECYCLE, "Task_AwaitEvidence");
        runtimeService.removeVariables(awaiting.getProcessInstanceId(), List.of("investigationType", "consultedDepartment"));

        staff.complete(awaiting, "wang.fang", "customer-service", Map.of("complainantWithdrew", false,
                "evidenceType", "FAULT_PHOTO", "evidenceFileName", "photo.jpg", "evidenceReceivedDescription", "照片 photo"));
        staff.complete(number, "zhang.wei", "technical-support", "Task_ReviewEvidence",
                Map.of("evidenceSufficient", true, "evidenceReviewNote", "清楚 clear"));

        Task diagnosis = staff.waitingTask(number, LIFECYCLE, "Task_DiagnoseFault");
        assertThat(staff.candidateGroups(diagnosis)).containsExactly("technical-support");
        assertThat(runtimeService.getVariable(diagnosis.getProcessInstanceId(), "investigationType")).isEqualTo("FAULT_DIAGNOSIS");
    }

    private String register(Category category, String description) {
        String merchant = "M-" + TestIds.digits();
        return intake.register(new ComplaintRegistration(Channel.HOTLINE, "周七", "13600136000", null, merchant, "T-" + merchant,
                category, false, description, null, List.of())).complaint().getComplaintNumber();
    }

    private static Map<String, Object> triage(String category, String subCategory) {
        return Map.of("category", category, "subCategory", subCategory, "viaSalesPromotion", false,
                "evidenceRequired", false, "isDuplicate", false);
    }
}
