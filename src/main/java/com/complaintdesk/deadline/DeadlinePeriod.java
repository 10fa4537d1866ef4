package com.complaintdesk.deadline;

/** The periods of processes/complaint-deadlines.dmn, by the name its input {@code period} matches. */
enum DeadlinePeriod {
    /** Acknowledge receipt; also the triage task's due date. */
    ACKNOWLEDGEMENT("acknowledgement"),
    /** The company's decision, from registration. */
    DECISION("decision"),
    /** The longest the decision may take with extensions, in all, from registration. */
    DECISION_MAXIMUM("decisionMaximum"),
    EVIDENCE_REMINDER("evidenceReminder"),
    EVIDENCE_EXPIRY("evidenceExpiry"),
    /** The complainant's answer to an offer, and signing the agreement. */
    SETTLEMENT_ANSWER("settlementAnswer"),
    /** Answering a regulator that steps in and names no date of its own. */
    REGULATOR_RESPONSE("regulatorResponse"),
    /** How long before the decision deadline the investigation tasks are due. */
    INVESTIGATION_MARGIN("investigationMargin"),
    /** Proposing a resolution, and each approval. */
    PROPOSAL_STEP("proposalStep"),
    /** Carrying out the remedy and confirming it. */
    REMEDY_EXECUTION("remedyExecution"),
    /** Any other task. */
    TASK_STEP("taskStep");

    private final String dmnName;

    DeadlinePeriod(String dmnName) {
        this.dmnName = dmnName;
    }

    String dmnName() {
        return dmnName;
    }
}
