package com.complaintdesk.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The deadlines the model's timers ask for, fixed for the process tests: evidence reminder after 3 days, expiry after 10,
 * decision after 15, each task due 2 days after it is created (reminders at its 50 % and 80 % points). The real values
 * come from DMN complaint-deadlines and the business calendar (DeadlineService, tested on its own).
 */
public class TestDeadlines {

    static final Duration EVIDENCE_REMINDER = Duration.ofDays(3);
    static final Duration EVIDENCE_EXPIRY = Duration.ofDays(10);
    static final Duration DECISION = Duration.ofDays(15);
    static final Duration TASK = Duration.ofDays(2);

    final List<String> reminderRequests = new ArrayList<>();

    public Date decisionDueAt(DelegateExecution execution) {
        return plus(DECISION);
    }

    public Date evidenceReminderAt(DelegateExecution execution) {
        return plus(EVIDENCE_REMINDER);
    }

    public Date evidenceExpiryAt(DelegateExecution execution) {
        return plus(EVIDENCE_EXPIRY);
    }

    public Date taskReminderAt(VariableScope execution, int percent) {
        reminderRequests.add(((DelegateExecution) execution).getCurrentActivityId() + "@" + percent);
        return plus(TASK.multipliedBy(percent).dividedBy(100));
    }

    private static Date plus(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
