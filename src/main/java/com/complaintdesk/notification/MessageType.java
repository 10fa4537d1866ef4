package com.complaintdesk.notification;

import java.util.Locale;

/**
 * What we tell, and to whom. Each type has its template, src/main/resources/templates/notifications/&lt;type&gt;.txt
 * (ACKNOWLEDGEMENT: acknowledgement.txt, EVIDENCE_REQUEST: evidence-request.txt, ...), Chinese with English.
 *
 * <p>The values a template reads: for the complainant's messages {@link Notifications} fills in the complaint's own
 * facts (complaintNumber, complainantName, category, registeredDate, portalUrl, outcome, closingSummary); the caller
 * adds what its step knows, listed per type below. For staff messages it fills in staffName, groupName, baseUrl and
 * tasklistUrl; the caller gives the rest. A value a template needs and nobody gave fails the caller's step.
 */
public enum MessageType {

    /** Registration. Caller: decisionDate. */
    ACKNOWLEDGEMENT(Audience.COMPLAINANT),
    /** Evidence asked for. Caller: evidenceRound. */
    EVIDENCE_REQUEST(Audience.COMPLAINANT),
    /** Evidence still missing. Caller: evidenceRound. */
    EVIDENCE_REMINDER(Audience.COMPLAINANT),
    /** The decision date moved. Caller: previousDecisionDate, decisionDate, extensionReason. */
    EXTENSION(Audience.COMPLAINANT),
    /** The settlement offer. Caller: proposalRound, remedy, amount (as shown: "¥18.00", or none), rationale. */
    PROPOSAL(Audience.COMPLAINANT),
    /** The settlement agreement drafted. Caller: agreementNumber, agreementSha256, remedy, amount (as shown). */
    AGREEMENT(Audience.COMPLAINANT),
    /** The remedy carried out. Caller: executionDetail. */
    EXECUTION(Audience.COMPLAINANT),
    /** No settlement: the company's position and the routes onward. Caller: companyPosition. */
    FINAL_RESPONSE(Audience.COMPLAINANT),
    /** Closed, with its outcome (a duplicate's closing summary names the original). Caller: nothing more. */
    CLOSURE(Audience.COMPLAINANT),
    /** A task is getting late. Caller: complaintNumber, taskName, taskId, dueDate, elapsed, taskUrl. */
    TASK_REMINDER(Audience.STAFF),
    /** The decision date passed without a decision. Caller: complaintNumber, decisionDate. */
    DEADLINE_BREACHED(Audience.STAFF),
    /** A regulator referred a complaint. Caller: complaintNumber, regulator, regulatorReference, responseDueDate. */
    REFERRAL_RECEIVED(Audience.STAFF),
    /** A referral's response is due and not yet submitted. Caller: complaintNumber, regulator, regulatorReference, responseDueDate, stage. */
    REFERRAL_OVERDUE(Audience.STAFF),
    /** Legal action on a complaint. Caller: complaintNumber, initiatedBy, forum. */
    LEGAL_ACTION(Audience.STAFF);

    /** Who reads it. */
    public enum Audience { COMPLAINANT, STAFF }

    private final Audience audience;

    MessageType(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    /** The template's path under templates/: notifications/evidence-request.txt for EVIDENCE_REQUEST. */
    String template() {
        return "notifications/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }
}
