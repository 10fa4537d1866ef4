package com.complaintdesk.deadline;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.shared.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint's deadlines, for the model ({@code ${deadlines.decisionDueAt(execution)}}) and for Java: the decision
 * deadline of the record, the evidence timers, task due dates and reminders, extensions and breaches.
 *
 * <p>The lengths come from the DMN table complaint-deadlines, the days from the {@link BusinessCalendar}. Time: the
 * methods the engine calls count from the engine's clock ({@link ClockUtil}), so a test that moves the engine's clock
 * moves timers, due dates and this service together; the registration deadline counts from the record's
 * {@code registeredAt}, which the application's {@code Clock} bean stamps. In production both are the system clock.
 */
@Service("deadlines")
public class DeadlineService {

    /** The most one extension may add (60 in all minus the default 15); the total is checked against the table. */
    public static final int MAX_EXTRA_DAYS = 45;
    private static final int MAX_REASON_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

    private final BusinessCalendar calendar;
    private final DeadlinePeriods periods;
    private final ComplaintRecords records;

    DeadlineService(BusinessCalendar calendar, DeadlinePeriods periods, ComplaintRecords records) {
        this.calendar = calendar;
        this.periods = periods;
        this.records = records;
    }

    /** What a task's deadline is: when it is due, and when to look at it again (halfway). */
    record TaskDates(Instant dueAt, Instant followUpAt) {
    }

    // ---- the decision deadline ----

    /** The decision deadline of a complaint being registered: the {@code decision} period from its registration. */
    public Instant decisionDueFor(Complaint complaint) {
        return calendar.plus(complaint.getRegisteredAt(), periods.lengthOf(DeadlinePeriod.DECISION, DeadlineFacts.of(complaint)));
    }

    /**
     * The complaint's decision deadline: the record's, once the complaint is registered; before that (the breach timer
     * is created when the process starts, before its registering step) the {@code decision} period from now, with the
     * channel, category and priority the process has.
     */
    public Date decisionDueAt(DelegateExecution execution) {
        return Date.from(recordOf(execution).map(this::decisionDueOf)
                .orElseGet(() -> calendar.plus(now(), periods.lengthOf(DeadlinePeriod.DECISION, factsOf(execution).inInstance(instanceOf(execution))))));
    }

    /** When to remind the complainant of an evidence request: the {@code evidenceReminder} period from now. */
    public Date evidenceReminderAt(DelegateExecution execution) {
        return Date.from(fromNow(DeadlinePeriod.EVIDENCE_REMINDER, execution));
    }

    /** When an evidence request lapses: the {@code evidenceExpiry} period from now. */
    public Date evidenceExpiryAt(DelegateExecution execution) {
        return Date.from(fromNow(DeadlinePeriod.EVIDENCE_EXPIRY, execution));
    }

    /** When an answer to a regulator that named no date is due: the {@code regulatorResponse} period from now. */
    public Date regulatorResponseAt(DelegateExecution execution) {
        return Date.from(fromNow(DeadlinePeriod.REGULATOR_RESPONSE, execution));
    }

    /**
     * The same, counted from the day the referral was received: a letter entered days after it came is due when the
     * regulator expects the answer, not later (and may be due already).
     */
    public Date regulatorResponseAt(DelegateExecution execution, LocalDate receivedOn) {
        Instant now = now();
        if (receivedOn == null || !receivedOn.isBefore(BusinessCalendar.dateOf(now))) {
            return regulatorResponseAt(execution);
        }
        DeadlineFacts facts = recordOf(execution).map(DeadlineFacts::of).orElseGet(() -> factsOf(execution)).inInstance(instanceOf(execution));
        Instant received = receivedOn.atStartOfDay(BusinessTime.ZONE).toInstant();
        return Date.from(calendar.plus(received, periods.lengthOf(DeadlinePeriod.REGULATOR_RESPONSE, facts)));
    }

    // ---- tasks ----

    /**
     * The point {@code percent}% of the way from a task's creation to its due date, for reminder timers.
     * Takes the task (its create time and due date), or the execution entering the user task: a timeout listener's
     * timer is created when the activity starts, before the task exists, and its expression sees only
     * {@code execution}; the task's due date is then computed as the task will get it, from now.
     */
    public Date taskReminderAt(VariableScope taskOrExecution, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 0 and 100: " + percent);
        }
        Instant start;
        Instant due;
        if (taskOrExecution instanceof DelegateTask task) {
            start = task.getCreateTime() == null ? now() : task.getCreateTime().toInstant();
            due = task.getDueDate() == null ? datesOf(task.getTaskDefinitionKey(), start, task).dueAt() : task.getDueDate().toInstant();
        } else if (taskOrExecution instanceof DelegateExecution execution) {
            start = now();
            due = datesOf(execution.getCurrentActivityId(), start, execution).dueAt();
        } else {
            throw new IllegalArgumentException("taskReminderAt takes a task or an execution, not " + taskOrExecution);
        }
        return Date.from(between(start, due, percent));
    }

    /** Due and follow-up dates of a lifecycle user task created now (the task-create listener sets them). */
    TaskDates datesOf(DelegateTask task) {
        Instant created = task.getCreateTime() == null ? now() : task.getCreateTime().toInstant();
        return datesOf(task.getTaskDefinitionKey(), created, task);
    }

    private TaskDates datesOf(String taskDefinitionKey, Instant created, VariableScope scope) {
        Optional<Complaint> complaint = recordOf(scope);
        DeadlineFacts facts = complaint.map(DeadlineFacts::of).orElseGet(() -> factsOf(scope)).inInstance(instanceOf(scope));
        Instant decisionDue = complaint.map(this::decisionDueOf)
                .orElseGet(() -> calendar.plus(created, periods.lengthOf(DeadlinePeriod.DECISION, facts)));
        return datesOf(TaskSchedule.ruleFor(taskDefinitionKey), created, facts, decisionDue);
    }

    TaskDates datesOf(TaskSchedule.Rule rule, Instant created, DeadlineFacts facts, Instant decisionDue) {
        boolean decisionAhead = decisionDue.isAfter(created);
        Instant due;
        if (rule.anchor() == TaskSchedule.Anchor.BEFORE_DECISION) {
            if (decisionAhead) {
                Instant planned = calendar.minus(decisionDue, periods.lengthOf(rule.period(), facts));
                due = planned.isAfter(created) ? planned : decisionDue;
            } else {
                due = calendar.plus(created, periods.lengthOf(DeadlinePeriod.TASK_STEP, facts));
            }
        } else {
            due = calendar.plus(created, periods.lengthOf(rule.period(), facts));
            if (rule.anchor() == TaskSchedule.Anchor.FROM_CREATION && decisionAhead && due.isAfter(decisionDue)) {
                due = decisionDue;
            }
        }
        return new TaskDates(due, between(created, due, 50));
    }

    // ---- extensions and breaches ----

    /** The rules an extension request must meet before anyone decides on it; names every bad field at once. */
    public void checkExtensionRequest(int extraDays, String reason) {
        String why = reason == null ? "" : reason.strip();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (extraDays < 1 || extraDays > MAX_EXTRA_DAYS) {
            errors.add(new InvalidInputException.FieldError(Lifecycle.EXTENSION_DAYS.name(), "must be between 1 and " + MAX_EXTRA_DAYS + " days"));
        }
        if (why.isEmpty()) {
            errors.add(new InvalidInputException.FieldError(Lifecycle.EXTENSION_REASON.name(), "is required: the complainant is told why the decision takes longer"));
        } else if (why.length() > MAX_REASON_LENGTH) {
            errors.add(new InvalidInputException.FieldError(Lifecycle.EXTENSION_REASON.name(), "must be at most " + MAX_REASON_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Extends a complaint's decision deadline by {@code extraDays} (counted like the {@code decisionMaximum} period,
     * calendar days by default) with a reason the complainant is told. The new deadline may be at most the
     * {@code decisionMaximum} period (60 calendar days) after registration, all extensions together.
     *
     * @throws InvalidInputException naming {@code extensionDays} (not 1..45, or past the limit) or
     *                               {@code extensionReason} (missing or longer than 2000), or {@code complaintNumber}
     *                               (closed complaint)
     */
    @Transactional
    public Extension extend(String complaintNumber, int extraDays, String reason) {
        checkExtensionRequest(extraDays, reason);
        String why = reason.strip();
        Complaint complaint = records.get(complaintNumber);
        if (complaint.isClosed()) {
            throw InvalidInputException.of("complaintNumber", complaintNumber + " is closed: its deadline can no longer be extended");
        }
        PeriodLength maximum = periods.lengthOf(DeadlinePeriod.DECISION_MAXIMUM, DeadlineFacts.of(complaint));
        Instant latest = calendar.plus(complaint.getRegisteredAt(), maximum);
        Instant oldDue = decisionDueOf(complaint);
        Instant newDue = calendar.plus(oldDue, new PeriodLength(extraDays, maximum.unit()));
        if (newDue.isAfter(latest)) {
            throw InvalidInputException.of(Lifecycle.EXTENSION_DAYS.name(), String.format(
                    "%d more days would make the decision due %s, past %s: at most %s from registration in all, "
                            + "so at most %d more days", extraDays, BusinessCalendar.dateOf(newDue), BusinessCalendar.dateOf(latest),
                    maximum, calendar.daysBetween(oldDue, latest, maximum.unit())));
        }
        complaint.extendDecision(extraDays, newDue, why);
        records.recordPublic(complaint, Milestone.DEADLINE_EXTENDED, BundleWords.both("deadline.record.extended", String.valueOf(extraDays),
                String.valueOf(BusinessCalendar.dateOf(oldDue)), String.valueOf(BusinessCalendar.dateOf(newDue)), why));
        log.info("Extended the decision deadline of {} by {} days to {}", complaintNumber, extraDays, newDue);
        return new Extension(complaintNumber, extraDays, complaint.getExtendedDays(), why, Date.from(oldDue), Date.from(newDue));
    }

    /**
     * Records that the complaint's decision deadline passed without a decision (the breach timer calls this).
     * Returns true when the complaint is marked breached (now or before); false, and nothing recorded, when it is
     * closed or its deadline is still ahead by the engine's clock (an extension moved it and the timer was not moved).
     */
    @Transactional
    public boolean markBreached(String complaintNumber) {
        Complaint complaint = records.get(complaintNumber);
        if (complaint.isDeadlineBreached()) {
            return true;
        }
        Instant due = decisionDueOf(complaint);
        // a final response is the decision; legal proceedings take the complaint out of our deadline
        boolean decided = complaint.getStatus() == ComplaintStatus.FINAL_RESPONSE_ISSUED
                || complaint.getStatus() == ComplaintStatus.IN_LEGAL_PROCEEDINGS;
        if (complaint.isClosed() || decided || now().isBefore(due)) {
            log.warn("Not marking {} breached: {}", complaintNumber, complaint.isClosed() ? "it is closed"
                    : decided ? "it is " + complaint.getStatus() : "its decision is due " + due);
            return false;
        }
        complaint.markDeadlineBreached();
        records.recordInternal(complaint, Milestone.DEADLINE_BREACHED,
                BundleWords.both("deadline.record.breached", String.valueOf(BusinessCalendar.dateOf(due))));
        log.warn("Complaint {} passed its decision deadline {}", complaintNumber, due);
        return true;
    }

    // ---- helpers ----

    /** The record's decision deadline; for a complaint registered before deadlines existed, counted from registration. */
    Instant decisionDueOf(Complaint complaint) {
        return complaint.getDecisionDueAt() != null ? complaint.getDecisionDueAt() : decisionDueFor(complaint);
    }

    private Instant fromNow(DeadlinePeriod period, VariableScope scope) {
        DeadlineFacts facts = recordOf(scope).map(DeadlineFacts::of).orElseGet(() -> factsOf(scope)).inInstance(instanceOf(scope));
        return calendar.plus(now(), periods.lengthOf(period, facts));
    }

    private Optional<Complaint> recordOf(VariableScope scope) {
        String number = Lifecycle.COMPLAINT_NUMBER.get(scope);
        return number == null ? Optional.empty() : records.find(number);
    }

    private static String instanceOf(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessInstanceId();
        }
        return scope instanceof DelegateTask task ? task.getProcessInstanceId() : null;
    }

    private static DeadlineFacts factsOf(VariableScope scope) {
        return new DeadlineFacts(ProcessValues.text(scope, Lifecycle.CHANNEL.name()), ProcessValues.text(scope, Lifecycle.PRIORITY.name()),
                ProcessValues.text(scope, Lifecycle.CATEGORY.name()));
    }

    private static Instant between(Instant start, Instant end, int percent) {
        if (!end.isAfter(start)) {
            return end;
        }
        long millis = Duration.between(start, end).toMillis();
        return start.plusMillis(millis * percent / 100);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
