package com.complaintdesk.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * complaint-desk.notification.*: the sender, the links the messages carry, and how the outbox dispatcher sends and
 * retries. The SMTP server itself is Spring Boot's spring.mail.*.
 */
@ConfigurationProperties("complaint-desk.notification")
public class NotificationProperties {

    /** The From address of every e-mail. */
    private String from = "Complaint Desk <complaint-desk@localhost>";
    /** Where complainants and staff reach the application: the portal is {base-url}/portal/, Tasklist below /camunda. */
    private String baseUrl = "http://localhost:8080";
    private final Dispatcher dispatcher = new Dispatcher();
    private final Retry retry = new Retry();

    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public Dispatcher getDispatcher() { return dispatcher; }
    public Retry getRetry() { return retry; }

    String portalUrl() {
        return stripSlash(baseUrl) + "/portal/";
    }

    String tasklistUrl() {
        return stripSlash(baseUrl) + "/camunda/app/tasklist/default/";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static class Dispatcher {
        /** Off on a node that should not send (another node sends the outbox). */
        private boolean enabled = true;
        /** The pause between two runs of the dispatcher. */
        private Duration interval = Duration.ofSeconds(10);
        /** Rows one run sends at most. */
        private int batchSize = 50;
        /** How long a claimed row stays with the node that claimed it; longer than the slowest send. */
        private Duration lease = Duration.ofMinutes(5);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
    }

    public static class Retry {
        /** The wait after the first failed attempt; it doubles with every further failure. */
        private Duration baseDelay = Duration.ofMinutes(1);
        /** The longest wait between two attempts. */
        private Duration maxDelay = Duration.ofHours(1);
        /** Attempts before a message is FAILED and waits for staff (/staff/notifications). */
        private int maxAttempts = 8;

        public Duration getBaseDelay() { return baseDelay; }
        public void setBaseDelay(Duration baseDelay) { this.baseDelay = baseDelay; }
        public Duration getMaxDelay() { return maxDelay; }
        public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }

        /** The wait after the given number of failed attempts: base, 2 x base, 4 x base ... up to max-delay. */
        Duration delayAfter(int failedAttempts) {
            int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
            Duration delay = baseDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
