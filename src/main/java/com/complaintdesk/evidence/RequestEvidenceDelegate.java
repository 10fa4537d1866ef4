package com.complaintdesk.evidence;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestEvidence: asks the complainant for evidence (another round each time the review finds it short). */
@Component("requestEvidence")
class RequestEvidenceDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final Notifications notifications;

    RequestEvidenceDelegate(ComplaintRecords records, Notifications notifications) {
        this.records = records;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(execution));
        int round = Lifecycle.EVIDENCE_ROUND.get(execution) + 1;
        complaint.moveTo(ComplaintStatus.AWAITING_EVIDENCE);
        records.recordPublic(complaint, Milestone.EVIDENCE_REQUESTED,
                BundleWords.both("evidence.record.requested", String.valueOf(round)));
        notifications.toComplainant(complaint, MessageType.EVIDENCE_REQUEST, Map.of("evidenceRound", String.valueOf(round)));
        Lifecycle.EVIDENCE_ROUND.set(execution, round);
    }
}
