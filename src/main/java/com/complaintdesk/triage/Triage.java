package com.complaintdesk.triage;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNumber;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.complaint.SubCategory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task_TriageComplaint (complete listener ${triage.completed(task)}): the customer-service agent confirms the
 * category and sub-category (one of that category's), whether evidence is needed, and whether this is a duplicate of an
 * open complaint.
 */
@Component("triage")
public class Triage {

    private final ComplaintRecords records;

    Triage(ComplaintRecords records) {
        this.records = records;
    }

    @Transactional
    public void completed(DelegateTask task) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(task));
        Category category = Lifecycle.CATEGORY.required(task);
        boolean duplicate = Lifecycle.IS_DUPLICATE.get(task);
        if (duplicate) {
            String original = Lifecycle.DUPLICATE_OF.get(task);
            if (original == null) {
                throw InvalidInputException.of(Lifecycle.DUPLICATE_OF.name(), "is required when the complaint is a duplicate: give the original's number");
            }
            if (!ComplaintNumber.isWellFormed(original)) {
                throw InvalidInputException.of(Lifecycle.DUPLICATE_OF.name(), "must be a complaint number like CP-20261126-000042");
            }
            if (original.equals(complaint.getComplaintNumber())) {
                throw InvalidInputException.of(Lifecycle.DUPLICATE_OF.name(), "cannot be the complaint itself");
            }
            records.get(original); // the original must exist
        }
        SubCategory subCategory = Lifecycle.SUB_CATEGORY.get(task);
        if (subCategory != null && subCategory.category() != category) {
            throw InvalidInputException.of(Lifecycle.SUB_CATEGORY.name(), "must be a sub-category of " + category.label() + ": "
                    + subCategory.name() + " (" + subCategory.label() + ") is one of " + subCategory.category().label());
        }
        complaint.triage(category, subCategory, Lifecycle.VIA_SALES_PROMOTION.get(task));
        String note = Lifecycle.TRIAGE_NOTE.get(task);
        records.recordInternal(complaint, Milestone.TRIAGED, BundleWords.both("triage.record.triaged", category.label())
                + (subCategory == null ? "" : " · " + subCategory.ownLabel())
                + (Lifecycle.EVIDENCE_REQUIRED.get(task) ? ", " + BundleWords.both("triage.record.evidenceRequired") : "")
                + (duplicate ? ", " + BundleWords.both("triage.record.duplicateOf", String.valueOf(Lifecycle.DUPLICATE_OF.get(task))) : "")
                + (note == null ? "" : ". " + note));
        // unchecked checkboxes are not submitted: the gateways need real booleans
        Lifecycle.IS_DUPLICATE.set(task, duplicate);
        Lifecycle.EVIDENCE_REQUIRED.set(task, Lifecycle.EVIDENCE_REQUIRED.get(task));
        Lifecycle.VIA_SALES_PROMOTION.set(task, Lifecycle.VIA_SALES_PROMOTION.get(task));
    }
}
