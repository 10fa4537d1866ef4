package com.complaintdesk.notification;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this node reaches the mail server, as the outbox's last e-mail found it. An outage is one WARN line when the
 * first send cannot connect and one INFO line when a send gets through again, however many messages wait and however
 * often they are retried in between; the health component {@code notifications} shows it in its details. Messages
 * the server refuses for their own sake (a bad address) are not an outage: the dispatcher logs those per message.
 */
@Component
class MailServerStatus {

    private static final Logger log = LoggerFactory.getLogger(MailServerStatus.class);

    /** Since when the server is unreachable, and the error that showed it; null while it is reachable. */
    record Outage(Instant since, String error) {
    }

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final EmailSender email;
    private final Clock clock;

    MailServerStatus(EmailSender email, Clock clock) {
        this.email = email;
        this.clock = clock;
    }

    /** True when {@code e} says the server could not be reached at all, rather than that it refused this message. */
    static boolean isUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                    || cause instanceof InterruptedIOException || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
        }
        return false;
    }

    /** A send could not reach the server: the first one of an outage is logged. */
    void unreachable(String error) {
        Outage started = new Outage(clock.instant(), error);
        if (outage.compareAndSet(null, started)) {
            log.warn("Mail server {} cannot be reached: {}. E-mails wait in the outbox and are retried; one line follows when it is "
                    + "back (health component notifications shows the outage)", email.server(), error);
        }
    }

    /** A send got through: the end of an outage is logged. */
    void reachable() {
        Outage ended = outage.getAndSet(null);
        if (ended != null) {
            log.info("Mail server {} is reachable again after {}; the e-mails that waited are being sent", email.server(),
                    Duration.between(ended.since(), clock.instant()).withNanos(0));
        }
    }

    /** The outage now, or null while the server is reachable (as far as this node knows). */
    Outage outage() {
        return outage.get();
    }
}
