package com.complaintdesk.investigation;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.settlement.Remedy;
import com.complaintdesk.settlement.SettlementVariables;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complete listeners of the departments' investigation tasks (${investigation.diagnosed(task)} and so on): each
 * checks its form's input and records what the department found, so the findings live in our tables, feed the
 * proposal and (later) the regulator's dossier.
 */
@Component("investigation")
public class Investigation {

    static final Set<String> FIX_METHODS = Set.of("REMOTE_FIX", "ONSITE_REPAIR", "REPLACEMENT", "NO_FAULT_FOUND");
    static final Set<String> BRAND_ISSUES = Set.of("BRAND_MISUSE", "MISLEADING_PROMOTION", "AGENT_PROMISE_NOT_KEPT",
            "UNAUTHORISED_AGENT", "NO_ISSUE_FOUND");
    static final Set<String> COMPLIANCE_ISSUES = Set.of("DATA_PRIVACY_BREACH", "CARD_FEE_RULE_BREACH", "BRAND_USE_BREACH",
            "OTHER_BREACH", "NO_BREACH_FOUND");
    private static final Set<String> ROOT_CAUSES = enumNames(RootCause.values());
    private static final Set<String> REMEDIES = enumNames(Remedy.values());

    private final ComplaintRecords records;
    private final InvestigationFindingRepository findings;
    private final FeeAuditService feeAudits;

    Investigation(ComplaintRecords records, InvestigationFindingRepository findings, FeeAuditService feeAudits) {
        this.records = records;
        this.findings = findings;
        this.feeAudits = feeAudits;
    }

    /** Task_DiagnoseFault: technical support diagnoses and chooses remote fix, on-site repair or replacement. */
    @Transactional
    public void diagnosed(DelegateTask task) {
        String fixMethod = oneOf(task, Lifecycle.FIX_METHOD.name(), FIX_METHODS);
        LocalDate visitDate = Lifecycle.VISIT_DATE.get(task);
        if ("ONSITE_REPAIR".equals(fixMethod) && visitDate == null) {
            throw InvalidInputException.of(Lifecycle.VISIT_DATE.name(), "is required for an on-site repair: schedule the visit");
        }
        boolean referral = Lifecycle.MANUFACTURER_REFERRAL.get(task);
        if (referral && Lifecycle.REFERRAL_PARTY.get(task) == null) {
            throw InvalidInputException.of(Lifecycle.REFERRAL_PARTY.name(), "is required when the defect is referred: name the manufacturer or seller");
        }
        Lifecycle.MANUFACTURER_REFERRAL.set(task, referral);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(Lifecycle.DIAGNOSIS.name(), Lifecycle.DIAGNOSIS.required(task));
        details.put(Lifecycle.FIX_METHOD.name(), fixMethod);
        details.put(Lifecycle.VISIT_DATE.name(), visitDate);
        details.put(Lifecycle.REFERRAL_PARTY.name(), referral ? Lifecycle.REFERRAL_PARTY.get(task) : null);
        record(task, "DIAGNOSIS", Lifecycle.FINDINGS.required(task), details);
    }

    /** Task_RecordSiteVisit: the visit's outcome. */
    @Transactional
    public void siteVisitRecorded(DelegateTask task) {
        boolean repaired = Lifecycle.DEVICE_REPAIRED.get(task);
        Lifecycle.DEVICE_REPAIRED.set(task, repaired);
        record(task, "SITE_VISIT", Lifecycle.VISIT_OUTCOME.required(task), Map.of(Lifecycle.DEVICE_REPAIRED.name(), repaired));
    }

    /** Task_RecordManufacturerAnswer: the manufacturer's or seller's answer to the referral. */
    @Transactional
    public void manufacturerAnswered(DelegateTask task) {
        boolean accepts = Lifecycle.MANUFACTURER_ACCEPTS_DEFECT.get(task);
        Lifecycle.MANUFACTURER_ACCEPTS_DEFECT.set(task, accepts);
        record(task, "MANUFACTURER_REFERRAL", Lifecycle.MANUFACTURER_ANSWER.required(task),
                Map.of(Lifecycle.REFERRAL_PARTY.name(), String.valueOf(Lifecycle.REFERRAL_PARTY.get(task)), Lifecycle.MANUFACTURER_ACCEPTS_DEFECT.name(), accepts));
    }

    /** Task_AuditFees: compliance-legal confirms or adjusts the computed refund. */
    @Transactional
    public void feesAudited(DelegateTask task) {
        Complaint complaint = complaint(task);
        var confirmed = Lifecycle.CONFIRMED_REFUND.get(task);
        if (confirmed == null) {
            throw InvalidInputException.of(Lifecycle.CONFIRMED_REFUND.name(), "is required");
        }
        var audit = feeAudits.confirm(complaint, confirmed, Lifecycle.ADJUSTMENT_REASON.get(task));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("computedRefund", audit.getComputedRefund());
        details.put(Lifecycle.CONFIRMED_REFUND.name(), confirmed);
        details.put(Lifecycle.ADJUSTMENT_REASON.name(), audit.getAdjustmentReason());
        record(task, "FEE_AUDIT", Lifecycle.FINDINGS.required(task), details);
        // the proposal starts from the confirmed refund
        SettlementVariables.REMEDY.set(task, confirmed.signum() > 0 ? Remedy.REFUND : Remedy.EXPLANATION);
        SettlementVariables.PROPOSED_AMOUNT.set(task, confirmed);
    }

    /** Task_InvestigateBrandIssue: marketing-brand's findings on brand misuse or misleading promotion. */
    @Transactional
    public void brandInvestigated(DelegateTask task) {
        String issue = oneOf(task, Lifecycle.BRAND_ISSUE_TYPE.name(), BRAND_ISSUES);
        String corrective = Lifecycle.CORRECTIVE_ACTION.get(task);
        if (!"NO_ISSUE_FOUND".equals(issue) && corrective == null) {
            throw InvalidInputException.of(Lifecycle.CORRECTIVE_ACTION.name(), "is required when an issue was found: say what is being corrected");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(Lifecycle.BRAND_ISSUE_TYPE.name(), issue);
        details.put(Lifecycle.CORRECTIVE_ACTION.name(), corrective);
        record(task, "BRAND_REVIEW", Lifecycle.FINDINGS.required(task), details);
    }

    /**
     * Task_InvestigateComplianceIssue: compliance-legal's own investigation of a compliance complaint (data privacy,
     * card-fee rules, brand-use compliance) that is no fee dispute: what was breached, why, what is corrected, and the
     * remedy it recommends. Root cause and remedy stay process variables, so the proposal form starts from them.
     */
    @Transactional
    public void complianceInvestigated(DelegateTask task) {
        String issue = oneOf(task, Lifecycle.COMPLIANCE_ISSUE_TYPE.name(), COMPLIANCE_ISSUES);
        String rootCause = oneOf(task, SettlementVariables.ROOT_CAUSE.name(), ROOT_CAUSES);
        String remedy = oneOf(task, SettlementVariables.REMEDY.name(), REMEDIES);
        String corrective = Lifecycle.CORRECTIVE_ACTION.get(task);
        if (!"NO_BREACH_FOUND".equals(issue) && corrective == null) {
            throw InvalidInputException.of(Lifecycle.CORRECTIVE_ACTION.name(), "is required when a breach was found: say what is being corrected");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(Lifecycle.COMPLIANCE_ISSUE_TYPE.name(), issue);
        details.put(SettlementVariables.ROOT_CAUSE.name(), rootCause);
        details.put(Lifecycle.CORRECTIVE_ACTION.name(), corrective);
        details.put("recommendedRemedy", remedy);
        record(task, "COMPLIANCE_REVIEW", Lifecycle.FINDINGS.required(task), details);
    }

    /**
     * Task_ConsultDepartment: the department the routing table names as consulted (compliance-legal on a rate
     * promised in a sales promotion) gives its opinion before the routed department investigates; the investigation
     * form shows it.
     */
    @Transactional
    public void consulted(DelegateTask task) {
        String consulted = Lifecycle.CONSULTED_DEPARTMENT.required(task);
        String opinion = Lifecycle.CONSULTATION_OPINION.required(task);
        Complaint complaint = complaint(task);
        findings.save(new InvestigationFinding(complaint.getId(), consulted, "CONSULTATION", opinion, null,
                records.currentActor(), records.now()));
        records.recordInternal(complaint, Milestone.INVESTIGATION_FINDING, "CONSULTATION (" + consulted + "): " + opinion);
    }

    /** Task_InvestigateServiceIssue: customer service looks into application-process and service complaints. */
    @Transactional
    public void serviceInvestigated(DelegateTask task) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(Lifecycle.SERVICE_ACTION_TAKEN.name(), Lifecycle.SERVICE_ACTION_TAKEN.get(task));
        record(task, "SERVICE_REVIEW", Lifecycle.FINDINGS.required(task), details);
    }

    private void record(DelegateTask task, String step, String summary, Map<String, ?> details) {
        Complaint complaint = complaint(task);
        String department = Lifecycle.DEPARTMENT.get(task);
        String detailText = details.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        findings.save(new InvestigationFinding(complaint.getId(), department == null ? "unknown" : department, step,
                summary, detailText.isEmpty() ? null : truncate(detailText), records.currentActor(), records.now()));
        records.recordInternal(complaint, Milestone.INVESTIGATION_FINDING, step + ": " + summary);
    }

    private Complaint complaint(DelegateTask task) {
        return records.get(Lifecycle.COMPLAINT_NUMBER.required(task));
    }

    private static String oneOf(DelegateTask task, String name, Set<String> allowed) {
        String value = ProcessValues.requiredText(task, name);
        if (!allowed.contains(value)) {
            throw InvalidInputException.of(name, "must be one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    private static Set<String> enumNames(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    private static String truncate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
