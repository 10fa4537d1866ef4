package com.complaintdesk.investigation;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.ProcessValues;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ComputeFeeAudit: computes each transaction's overcharge and the refund due, for compliance-legal to confirm. */
@Component("computeFeeAudit")
class ComputeFeeAuditDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final FeeAuditService feeAudits;

    ComputeFeeAuditDelegate(ComplaintRecords records, FeeAuditService feeAudits) {
        this.records = records;
        this.feeAudits = feeAudits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(execution));
        FeeAuditCalculator.FeeAudit audit = feeAudits.compute(complaint);
        BigDecimal refund = complaint.getContractedRatePercent() == null ? BigDecimal.ZERO : audit.refundDue();
        Lifecycle.FEE_AUDIT_REFUND.set(execution, refund);
        Lifecycle.FEE_AUDIT_REPORT.set(execution, complaint.getContractedRatePercent() == null
                ? BundleWords.both("feeAudit.noRateGiven") + "\n" + audit.report()
                : audit.report());
        Lifecycle.CONFIRMED_REFUND.set(execution, refund); // the form starts from the computed figure
    }
}
