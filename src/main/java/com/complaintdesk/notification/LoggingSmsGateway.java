package com.complaintdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SMS "gateway" where no SMS provider is configured: it says so in the log, with the phone number masked, and the
 * outbox row is marked SENT_TO_LOG, so nobody believes the complainant got a text. An SMS provider's adapter, an
 * {@link SmsGateway} bean marked @Primary, takes its place.
 */
@Component
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public Result send(String phoneNumber, String text) {
        log.info("no SMS provider configured: SMS to {} recorded, not sent ({} characters)", PhoneNumbers.mask(phoneNumber), text.length());
        return Result.LOGGED;
    }
}
