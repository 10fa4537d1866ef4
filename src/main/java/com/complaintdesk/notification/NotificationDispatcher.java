package com.complaintdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Every run ({@code complaint-desk.notification.dispatcher.interval}, on every node) takes the due
 * rows and, for each, first claims it: a conditional update that sets a token and a lease and succeeds on one node
 * only. The claim is committed before the message leaves, the result after, so no database connection waits on the
 * mail server. Sent: SENT (SENT_TO_LOG for an SMS without a provider). Not sent: tried again after a backoff that
 * doubles from {@code retry.base-delay} up to {@code retry.max-delay}; after {@code retry.max-attempts} the row is
 * FAILED, logged as an ERROR and listed for staff on /staff/notifications. A mail server that cannot be reached is
 * logged once when it goes and once when it is back ({@link MailServerStatus}), not once per message and attempt. A node that dies holding a claim leaves the
 * row to the others once the lease runs out.
 *
 * <p>Delivery is at least once: a node that loses its lease while its send is still running, or dies between sending
 * and recording it, may have it sent again. The lease (5 minutes) is far longer than the mail client's timeouts, and an
 * e-mail sent twice carries the same Message-ID.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final OutboxRepository outbox;
    private final EmailSender email;
    private final SmsGateway sms;
    private final MailServerStatus mailServer;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NotificationDispatcher(OutboxRepository outbox, EmailSender email, SmsGateway sms, MailServerStatus mailServer,
                           NotificationProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.outbox = outbox;
        this.email = email;
        this.sms = sms;
        this.mailServer = mailServer;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Sends the rows due now, at most a batch; returns how many this node handled (sent or failed). */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<Long> due = transaction.execute(status -> outbox.findDue(OutboxStatus.PENDING, now,
                PageRequest.of(0, properties.getDispatcher().getBatchSize())));
        int handled = 0;
        for (Long id : due) {
            if (dispatch(id)) {
                handled++;
            }
        }
        return handled;
    }

    /** Sends one row if it is due and no other dispatcher holds it; false when there was nothing to do. */
    boolean dispatch(long id) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Optional<OutboxMessage> claimed = transaction.execute(status ->
                outbox.claim(id, token, OutboxStatus.PENDING, now, now.plus(properties.getDispatcher().getLease())) == 1
                        ? outbox.findById(id) : Optional.empty());
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxMessage message = claimed.get();
        OutboxStatus result;
        try {
            result = send(message);
        } catch (RuntimeException e) {
            failedAttempt(message, token, e);
            return true;
        }
        Integer recorded = transaction.execute(status -> outbox.markSent(id, token, result, clock.instant()));
        if (recorded == null || recorded == 0) {
            log.warn("Notification {} ({} about {} by {}) was sent, but its claim had run out: another node may send it again",
                    id, message.getMessageType(), message.getComplaintNumber(), message.getChannel());
        } else {
            log.info("Notification {} ({} about {} by {}) {}", id, message.getMessageType(), message.getComplaintNumber(),
                    message.getChannel(), result == OutboxStatus.SENT ? "sent" : "recorded in the log only");
        }
        return true;
    }

    /**
     * Staff's retry (/staff/notifications): a FAILED row, or a pending one waiting out its backoff, is due now with its
     * attempts counted afresh. False when the row is sent already or being sent at this moment.
     */
    public boolean retryNow(long id) {
        Integer updated = transaction.execute(status -> outbox.retry(id, OutboxStatus.PENDING,
                List.of(OutboxStatus.FAILED, OutboxStatus.PENDING), clock.instant()));
        return updated != null && updated == 1;
    }

    private OutboxStatus send(OutboxMessage message) {
        return switch (message.getChannel()) {
            case EMAIL -> {
                email.send(message);
                mailServer.reachable();
                yield OutboxStatus.SENT;
            }
            case SMS -> sms.send(message.getRecipient(), message.getBody()) == SmsGateway.Result.SENT
                    ? OutboxStatus.SENT : OutboxStatus.SENT_TO_LOG;
        };
    }

    private void failedAttempt(OutboxMessage message, String token, RuntimeException e) {
        int attempts = message.getAttempts() + 1;
        NotificationProperties.Retry retry = properties.getRetry();
        boolean giveUp = attempts >= retry.getMaxAttempts();
        Instant now = clock.instant();
        Instant next = giveUp ? now : now.plus(retry.delayAfter(attempts));
        String error = PhoneNumbers.maskWithin(describe(e));
        transaction.executeWithoutResult(status -> outbox.markFailedAttempt(message.getId(), token,
                giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING, attempts, error, next));
        boolean outage = message.getChannel() == DeliveryChannel.EMAIL && MailServerStatus.isUnreachable(e);
        if (outage) {
            mailServer.unreachable(error);
        }
        if (giveUp) {
            log.error("Notification {} ({} about {} by {}) FAILED after {} attempts, last: {}. Staff can retry it on /staff/notifications",
                    message.getId(), message.getMessageType(), message.getComplaintNumber(), message.getChannel(), attempts, error);
        } else if (outage) {
            // the outage is one WARN line (MailServerStatus), not one per message and attempt
            log.debug("Notification {} ({} about {} by {}) waits for the mail server, attempt {} of {}; next at {}", message.getId(),
                    message.getMessageType(), message.getComplaintNumber(), message.getChannel(), attempts, retry.getMaxAttempts(), next);
        } else {
            log.warn("Notification {} ({} about {} by {}) not sent, attempt {} of {}; next at {}: {}", message.getId(),
                    message.getMessageType(), message.getComplaintNumber(), message.getChannel(), attempts,
                    retry.getMaxAttempts(), next, error);
        }
    }

    /** The error on one line: the exception and those of its causes that add something to its message. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            }
        }
        String line = text.toString().replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_ERROR_LENGTH ? line : line.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}
