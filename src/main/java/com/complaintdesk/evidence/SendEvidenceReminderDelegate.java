package com.complaintdesk.evidence;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The reminder timer on Task_AwaitEvidence (non-interrupting): reminds the complainant that the evidence of this
 * round is still missing (EVIDENCE_REMINDER), and notes it on the timeline for staff.
 */
@Component("sendEvidenceReminder")
class SendEvidenceReminderDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final Notifications notifications;

    SendEvidenceReminderDelegate(ComplaintRecords records, Notifications notifications) {
        this.records = records;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(execution));
        int round = Math.max(1, Lifecycle.EVIDENCE_ROUND.get(execution));
        notifications.toComplainant(complaint, MessageType.EVIDENCE_REMINDER, Map.of("evidenceRound", String.valueOf(round)));
        records.recordInternal(complaint, Milestone.EVIDENCE_REQUESTED, BundleWords.both("evidence.record.reminded", String.valueOf(round)));
    }
}
