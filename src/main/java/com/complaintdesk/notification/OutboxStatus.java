package com.complaintdesk.notification;

/** Where an outbox row stands. */
public enum OutboxStatus {
    /** Waiting to be sent, or to be tried again (attempts and last_error say so). */
    PENDING,
    /** Handed to the SMTP server or the SMS provider. */
    SENT,
    /** An SMS written to the log only: no SMS provider is configured. */
    SENT_TO_LOG,
    /** Every attempt failed; staff see it on /staff/notifications and may retry it. */
    FAILED
}
