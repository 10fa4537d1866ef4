package com.complaintdesk.deadline;

/** The length of each period: the decision complaint-deadlines (processes/complaint-deadlines.dmn). */
public interface DeadlinePeriods {

    String DECISION_KEY = "complaint-deadlines";

    /**
     * @throws IllegalStateException when the table has no rule for the period: a table edit that dropped a row
     */
    PeriodLength lengthOf(DeadlinePeriod period, DeadlineFacts facts);
}
