package com.complaintdesk.deadline;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import com.complaintdesk.shared.BusinessTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A decision deadline that passed: the complaint is marked breached, the complaint managers are alerted, and their
 * escalation task (Task_HandleBreach, listener ${breaches.handled(task)}) records what they did about it.
 */
@Component("breaches")
public class Breaches {

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE);

    private final ComplaintRecords records;
    private final DeadlineService deadlines;
    private final Notifications notifications;

    Breaches(ComplaintRecords records, DeadlineService deadlines, Notifications notifications) {
        this.records = records;
        this.deadlines = deadlines;
        this.notifications = notifications;
    }

    /** Marks the complaint breached and alerts the managers; false when it was decided, closed or extended meanwhile. */
    @Transactional
    public boolean markBreached(String complaintNumber) {
        if (!deadlines.markBreached(complaintNumber)) {
            return false;
        }
        Complaint complaint = records.get(complaintNumber);
        notifications.toStaff(Departments.COMPLAINT_MANAGERS, null, MessageType.DEADLINE_BREACHED,
                Map.of("complaintNumber", complaintNumber,
                        "decisionDate", DAY.format(complaint.getDecisionDueAt() != null ? complaint.getDecisionDueAt() : deadlines.decisionDueFor(complaint))));
        return true;
    }

    @Transactional
    public void handled(DelegateTask task) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(task));
        records.recordInternal(complaint, Milestone.BREACH_HANDLED, BundleWords.both("deadline.record.breachHandled", Lifecycle.BREACH_ACTION.required(task)));
    }
}
