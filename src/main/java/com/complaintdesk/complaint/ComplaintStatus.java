package com.complaintdesk.complaint;

/** Where a complaint stands; shown to staff and (later) to the merchant. */
public enum ComplaintStatus {
    REGISTERED, AWAITING_EVIDENCE, UNDER_INVESTIGATION, AWAITING_APPROVAL, AWAITING_COMPLAINANT,
    SETTLEMENT_AGREED, SETTLEMENT_EXECUTED, FINAL_RESPONSE_ISSUED, IN_LEGAL_PROCEEDINGS, CLOSED
}
