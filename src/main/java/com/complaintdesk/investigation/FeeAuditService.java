package com.complaintdesk.investigation;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintTransaction;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fee audit of a fee-dispute complaint: each transaction's fee charged against the merchant's contracted rate
 * (FeeAuditCalculator), stored with the complaint; compliance-legal then confirms or adjusts the refund.
 */
@Service
public class FeeAuditService {

    private final ComplaintRecords records;
    private final FeeAuditRecordRepository audits;
    private final FeeAuditCalculator calculator = new FeeAuditCalculator();

    FeeAuditService(ComplaintRecords records, FeeAuditRecordRepository audits) {
        this.records = records;
        this.audits = audits;
    }

    /** Computes the audit; without a contracted rate or transactions it says so and computes a refund of 0. */
    @Transactional
    public FeeAuditCalculator.FeeAudit compute(Complaint complaint) {
        List<ComplaintTransaction> transactions = complaint.getTransactions();
        BigDecimal rate = complaint.getContractedRatePercent();
        FeeAuditCalculator.FeeAudit audit = calculator.audit(rate == null ? BigDecimal.ZERO : rate, transactions.stream()
                .map(tx -> new FeeAuditCalculator.Line(tx.getReference(), tx.getAmount(), tx.getFeeCharged()))
                .toList());
        if (rate != null) {
            for (int i = 0; i < transactions.size(); i++) {
                var line = audit.lines().get(i);
                transactions.get(i).recordAudit(line.expectedFee(), line.overcharge());
            }
        }
        BigDecimal refund = rate == null ? BigDecimal.ZERO.setScale(2) : audit.refundDue();
        FeeAuditRecord record = audits.findByComplaintId(complaint.getId()).orElseGet(() -> new FeeAuditRecord(complaint.getId()));
        record.computed(rate == null ? BigDecimal.ZERO : rate, audit.totalCharged(), audit.totalExpected(), refund, records.now());
        audits.save(record);
        records.recordInternal(complaint, Milestone.FEE_AUDIT_COMPUTED, BundleWords.both("feeAudit.record.computed", refund.toPlainString())
                + (rate == null ? " (" + BundleWords.both("feeAudit.record.noRate") + ")" : ""));
        return audit;
    }

    /** Compliance confirms the refund; a figure other than the computed one needs a reason. */
    @Transactional
    public FeeAuditRecord confirm(Complaint complaint, BigDecimal confirmedRefund, String adjustmentReason) {
        FeeAuditRecord record = audits.findByComplaintId(complaint.getId())
                .orElseThrow(() -> new IllegalStateException("No fee audit computed for " + complaint.getComplaintNumber()));
        if (confirmedRefund.compareTo(record.getComputedRefund()) != 0 && adjustmentReason == null) {
            throw InvalidInputException.of(Lifecycle.ADJUSTMENT_REASON.name(), "is required when the confirmed refund (¥" + confirmedRefund.toPlainString()
                    + ") differs from the computed refund (¥" + record.getComputedRefund().toPlainString() + ")");
        }
        record.confirmed(confirmedRefund, adjustmentReason, records.currentActor(), records.now());
        return record;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<FeeAuditRecord> auditOf(Complaint complaint) {
        return audits.findByComplaintId(complaint.getId());
    }
}
