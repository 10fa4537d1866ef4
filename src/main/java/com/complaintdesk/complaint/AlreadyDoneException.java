package com.complaintdesk.complaint;

/**
 * A request lost a race: a concurrent request already did what this one asked (an offer answered, say). Its transaction
 * is rolled back, nothing is written twice; the public API and the engine REST API answer 409 with this message.
 */
public class AlreadyDoneException extends RuntimeException {

    public AlreadyDoneException(String message) {
        super(message);
    }
}
