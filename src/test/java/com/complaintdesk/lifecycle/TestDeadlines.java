package com.complaintdesk.lifecycle;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The deadlines the model's timers ask for, fixed for the process tests: evidence reminder after 3 days, expiry after 10,
 * decision after 15. The real values
 * come from DMN complaint-deadlines and the business calendar (DeadlineService, tested on its own).
 */
public class TestDeadlines {

    static final Duration EVIDENCE_REMINDER = Duration.ofDays(3);
    static final Duration EVIDENCE_EXPIRY = Duration.ofDays(10);
    static final Duration DECISION = Duration.ofDays(15);

    public Date decisionDueAt(DelegateExecution execution) {
        return plus(DECISION);
    }

    public Date evidenceReminderAt(DelegateExecution execution) {
        return plus(EVIDENCE_REMINDER);
    }

    public Date evidenceExpiryAt(DelegateExecution execution) {
        return plus(EVIDENCE_EXPIRY);
    }

    private static Date plus(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
