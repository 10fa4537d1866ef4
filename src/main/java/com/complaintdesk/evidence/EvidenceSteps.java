package com.complaintdesk.evidence;

import static com.complaintdesk.complaint.LifecycleVariables.*;

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
        Complaint complaint = records.get(ProcessValues.requiredText(task, COMPLAINT_NUMBER));
        boolean withdrew = ProcessValues.flag(task, COMPLAINANT_WITHDREW);
        Lifecycle.COMPLAINANT_WITHDREW.set(task, withdrew);
        if (withdrew) {
            return; // closing as WITHDRAWN records it
        }
        evidence.record(complaint, new EvidenceService.Item(ProcessValues.requiredText(task, EVIDENCE_TYPE),
                ProcessValues.text(task, EVIDENCE_FILE_NAME), null, null, null,
                ProcessValues.text(task, EVIDENCE_RECEIVED_DESCRIPTION)));
        complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION); // no longer waiting for the complainant: under review
    }

    @Transactional
    public void reviewed(DelegateTask task) {
        Complaint complaint = records.get(ProcessValues.requiredText(task, COMPLAINT_NUMBER));
        boolean sufficient = ProcessValues.flag(task, EVIDENCE_SUFFICIENT);
        Lifecycle.EVIDENCE_SUFFICIENT.set(task, sufficient);
        String note = ProcessValues.text(task, EVIDENCE_REVIEW_NOTE);
        if (!sufficient && note == null) {
            throw com.complaintdesk.complaint.InvalidInputException.of(EVIDENCE_REVIEW_NOTE,
                    "is required when the evidence is not sufficient: say what is missing");
        }
        complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION);
        records.recordInternal(complaint, Milestone.EVIDENCE_REVIEWED,
                (sufficient ? "证据充分 Evidence sufficient" : "证据不足 Evidence not sufficient") + (note == null ? "" : ": " + note));
    }
}
