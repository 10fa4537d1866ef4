package com.complaintdesk.notification;

/**
 * Sends a text message to a phone. An adapter for an SMS provider implements it as a bean marked {@code @Primary};
 * without one, {@link LoggingSmsGateway} records each message in the log and sends nothing. A send that fails throws:
 * the outbox tries again later.
 */
public interface SmsGateway {

    /** What became of a message. */
    enum Result {
        /** The provider accepted it. */
        SENT,
        /** Only written to the log: no provider is configured. */
        LOGGED
    }

    Result send(String phoneNumber, String text);
}
