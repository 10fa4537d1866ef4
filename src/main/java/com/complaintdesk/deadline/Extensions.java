package com.complaintdesk.deadline;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.identity.AsApplication;
import com.complaintdesk.complaint.CardNumberMasker;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import com.complaintdesk.shared.BusinessTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extending a complaint's decision deadline: the investigator asks with a reason (message ExtensionRequested, from the
 * staff page or the engine REST API), complaint managers decide (Task_DecideExtension), and an approved extension moves
 * the deadline, the breach timer and tells the complainant the new date and why.
 */
@Service("extensions")
public class Extensions {

    static final String BREACH_TIMER = "StartEvent_DecisionDeadlineReached";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE);

    private final ComplaintRecords records;
    private final DeadlineService deadlines;
    private final Notifications notifications;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    Extensions(ComplaintRecords records, DeadlineService deadlines, Notifications notifications, RuntimeService runtimeService,
               ManagementService managementService, IdentityService identityService) {
        this.identityService = identityService;
        this.records = records;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** The investigator asks for more time; the managers' task follows. */
    @Transactional
    public void request(String complaintNumber, Integer extraDays, String reason) {
        Complaint complaint = records.get(complaintNumber);
        if (complaint.getStatus() == ComplaintStatus.CLOSED) {
            throw InvalidInputException.of(Lifecycle.COMPLAINT_NUMBER.name(), "is closed: there is no deadline to extend");
        }
        deadlines.checkExtensionRequest(extraDays == null ? 0 : extraDays, reason);
        String masked = CardNumberMasker.mask(reason.strip());
        records.recordInternal(complaint, Milestone.EXTENSION_REQUESTED, BundleWords.both("extension.record.requested", String.valueOf(extraDays), masked));
        // who may ask is the application's rule (the caller checked it); the engine step runs as the application
        AsApplication.run(identityService, () -> runtimeService.createMessageCorrelation(Processes.MESSAGE_EXTENSION_REQUESTED)
                .processInstanceBusinessKey(complaintNumber)
                .setVariable(Lifecycle.EXTENSION_DAYS.name(), Lifecycle.EXTENSION_DAYS.typed(extraDays))
                .setVariable(Lifecycle.EXTENSION_REASON.name(), Lifecycle.EXTENSION_REASON.typed(masked))
                .correlate());
    }

    /** Task_DecideExtension: a refusal must say why. */
    @Transactional
    public void decided(DelegateTask task) {
        boolean approved = Lifecycle.EXTENSION_APPROVED.get(task);
        Lifecycle.EXTENSION_APPROVED.set(task, approved);
        String note = Lifecycle.EXTENSION_DECISION_NOTE.get(task);
        if (!approved && note == null) {
            throw InvalidInputException.of(Lifecycle.EXTENSION_DECISION_NOTE.name(), "is required when refusing: the investigator needs the reason");
        }
        if (!approved) {
            Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(task));
            records.recordInternal(complaint, Milestone.EXTENSION_REFUSED, BundleWords.both("extension.record.refused", note));
        }
    }

    /** Task_ExtendDeadline: moves the deadline (60 days in all at most) and the breach timer; tells the complainant. */
    @Transactional
    public void extend(String complaintNumber, String processInstanceId, int extraDays, String reason) {
        Extension extension = deadlines.extend(complaintNumber, extraDays, reason);
        Date newDue = extension.newDueAt();
        Job breachTimer = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(BREACH_TIMER).singleResult();
        if (breachTimer != null) {
            managementService.setJobDuedate(breachTimer.getId(), newDue);
        }
        Complaint complaint = records.get(complaintNumber);
        String day = DAY.format(newDue.toInstant());
        notifications.toComplainant(complaint, MessageType.EXTENSION, Map.of("complaintNumber", complaintNumber,
                "decisionDate", day, "previousDecisionDate", DAY.format(extension.oldDueAt().toInstant()), "extensionReason", reason));
    }
}
