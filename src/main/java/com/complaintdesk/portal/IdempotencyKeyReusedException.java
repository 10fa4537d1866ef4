package com.complaintdesk.portal;

/** An Idempotency-Key sent again with a different request: 422, nothing is created. */
class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different request; use a new key for a new complaint");
    }
}
