package com.complaintdesk.portal;

/** The complaint is not in a state for this request (nothing to answer yet, not closed, survey given): 409. */
class PortalConflictException extends RuntimeException {

    PortalConflictException(String message) {
        super(message);
    }
}
