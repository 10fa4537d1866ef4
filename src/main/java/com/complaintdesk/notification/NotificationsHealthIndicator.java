package com.complaintdesk.notification;

import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code notifications} (the bean's name less "HealthIndicator"): always UP, with the outbox's
 * counts in its details (failed, pending, pendingWithErrors, oldestPending). A mail server that is down makes
 * messages wait, not the node unfit: the messages are kept and retried, so a load balancer must not take the node
 * away for it, and this component is not part of the readiness group. People see failures on /staff/notifications and in the log (an ERROR line per failed message).
 */
@Component
class NotificationsHealthIndicator implements HealthIndicator {

    private final OutboxRepository outbox;

    NotificationsHealthIndicator(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        Instant oldest = outbox.oldestCreatedAt(OutboxStatus.PENDING);
        return Health.up()
                .withDetail("failed", outbox.countByStatus(OutboxStatus.FAILED))
                .withDetail("pending", outbox.countByStatus(OutboxStatus.PENDING))
                .withDetail("pendingWithErrors", outbox.countByStatusAndLastErrorIsNotNull(OutboxStatus.PENDING))
                .withDetail("oldestPending", oldest == null ? "none" : oldest.toString())
                .build();
    }
}
