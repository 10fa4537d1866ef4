package com.complaintdesk.evidence;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.InvalidInputException;
import java.util.List;

/** An uploaded file that is not accepted as evidence; nothing of the upload is stored. */
public class EvidenceFileRejectedException extends RuntimeException {

    /** Why: each maps to its own HTTP status (413, 415, 409) and portal message. */
    public enum Reason { EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY_FILES }

    private final Reason reason;
    private final String field;
    private final String key;
    private final transient List<Object> args;

    /** Worded by {@code key} of the message bundles (the portal answers in the page's language); the message is English. */
    public EvidenceFileRejectedException(Reason reason, String field, String key, Object... args) {
        super(BundleWords.en(key, args));
        this.reason = reason;
        this.field = field;
        this.key = key;
        this.args = List.of(args);
    }

    /** The refusal as a field error in words of the message bundles. */
    public InvalidInputException.FieldError fieldError() {
        return new InvalidInputException.FieldError(field, getMessage(), key, args);
    }

    public Reason getReason() { return reason; }

    /** The part of the request at fault, e.g. {@code files[2]}. */
    public String getField() { return field; }
}
