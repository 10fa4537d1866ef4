package com.complaintdesk.evidence;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listeners of the evidence tasks: Task_AwaitEvidence (${evidence.recordedByAgent(task)}) and Task_ReviewEvidence
 * (${evidence.reviewed(task)}).
 */
@Component("evidence")
public class EvidenceSteps {

    private final ComplaintRecords records;
    private final EvidenceService evidence;

    EvidenceSteps(ComplaintRecords records, EvidenceService evidence) {
        this.records = records;
        this.evidence = evidence;
    }

    /** An agent records evidence received by phone, mail or chat, or that the complainant gave up. */
    @Transactional
    public void recordedByAgent(DelegateTask task) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(task));
        boolean withdrew = Lifecycle.COMPLAINANT_WITHDREW.get(task);
        Lifecycle.COMPLAINANT_WITHDREW.set(task, withdrew);
        if (withdrew) {
            return; // closing as WITHDRAWN records it
        }
        evidence.record(complaint, new EvidenceService.Item(Lifecycle.EVIDENCE_TYPE.required(task),
                Lifecycle.EVIDENCE_FILE_NAME.get(task), null, null, null,
                Lifecycle.EVIDENCE_RECEIVED_DESCRIPTION.get(task)));
        complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION); // no longer waiting for the complainant: under review
    }

    @Transactional
    public void reviewed(DelegateTask task) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(task));
        boolean sufficient = Lifecycle.EVIDENCE_SUFFICIENT.get(task);
        Lifecycle.EVIDENCE_SUFFICIENT.set(task, sufficient);
        String note = Lifecycle.EVIDENCE_REVIEW_NOTE.get(task);
        if (!sufficient && note == null) {
            throw com.complaintdesk.complaint.InvalidInputException.of(Lifecycle.EVIDENCE_REVIEW_NOTE.name(),
                    "is required when the evidence is not sufficient: say what is missing");
        }
        complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION);
        records.recordInternal(complaint, Milestone.EVIDENCE_REVIEWED,
                BundleWords.both(sufficient ? "evidence.record.sufficient" : "evidence.record.notSufficient") + (note == null ? "" : ": " + note));
    }
}
