package com.complaintdesk.notification;

import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code notifications} (the bean's name less "HealthIndicator"): always UP, with the outbox's
 * counts in its details (failed, pending, pendingWithErrors, oldestPending) and whether the last e-mail reached the mail
 * server (mailServer: reachable, or unreachable since when; MailServerStatus). A mail server that is down makes
 * messages wait, not the node unfit: the messages are kept and retried, so a load balancer must not take the node
 * away for it, and this component is not part of the readiness group. People see failures on /staff/notifications and in the log (an ERROR line per failed message).
 */
@Component
class NotificationsHealthIndicator implements HealthIndicator {

    private final OutboxRepository outbox;
    private final MailServerStatus mailServer;

    NotificationsHealthIndicator(OutboxRepository outbox, MailServerStatus mailServer) {
        this.outbox = outbox;
        this.mailServer = mailServer;
    }

    @Override
    public Health health() {
        Instant oldest = outbox.oldestCreatedAt(OutboxStatus.PENDING);
        MailServerStatus.Outage outage = mailServer.outage();
        return Health.up()
                .withDetail("mailServer", outage == null ? "reachable" : "unreachable since " + outage.since())
                .withDetail("failed", outbox.countByStatus(OutboxStatus.FAILED))
                .withDetail("pending", outbox.countByStatus(OutboxStatus.PENDING))
                .withDetail("pendingWithErrors", outbox.countByStatusAndLastErrorIsNotNull(OutboxStatus.PENDING))
                .withDetail("oldestPending", oldest == null ? "none" : oldest.toString())
                .build();
    }
}
