package com.complaintdesk.evidence;

/** An uploaded file that is not accepted as evidence; nothing of the upload is stored. */
public class EvidenceFileRejectedException extends RuntimeException {

    /** Why: each maps to its own HTTP status (413, 415, 409) and portal message. */
    public enum Reason { EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY_FILES }

    private final Reason reason;
    private final String field;

    public EvidenceFileRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason getReason() { return reason; }

    /** The part of the request at fault, e.g. {@code files[2]}. */
    public String getField() { return field; }
}
