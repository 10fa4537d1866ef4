package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The outbox's small rules: retry backoff, the idempotency key, phone numbers in the log, the SMS stand-in. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxRulesTest {

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheMaximum() {
        NotificationProperties.Retry retry = new NotificationProperties().getRetry(); // 1 minute, doubling, at most 1 hour

        assertThat(retry.getMaxAttempts()).isEqualTo(8);
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(retry::delayAfter))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                        Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1));
        assertThat(retry.delayAfter(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theIdempotencyKeyIsTheSameForTheSameMessageAndDiffersForAnyOtherValueOrRecipient() {
        Map<String, String> model = new LinkedHashMap<>();
        model.put("evidenceRound", "1");
        model.put("note", "x");
        Map<String, String> sameInAnotherOrder = new LinkedHashMap<>();
        sameInAnotherOrder.put("note", "x");
        sameInAnotherOrder.put("evidenceRound", "1");

        String key = Notifications.idempotencyKey(MessageType.EVIDENCE_REQUEST, DeliveryChannel.EMAIL, "CP-1", "a@example.com", model);

        assertThat(key).startsWith("EVIDENCE_REQUEST:EMAIL:").hasSizeLessThanOrEqualTo(120);
        assertThat(Notifications.idempotencyKey(MessageType.EVIDENCE_REQUEST, DeliveryChannel.EMAIL, "CP-1", "a@example.com", sameInAnotherOrder))
                .isEqualTo(key);
        assertThat(Notifications.idempotencyKey(MessageType.EVIDENCE_REQUEST, DeliveryChannel.EMAIL, "CP-1", "a@example.com",
                Map.of("evidenceRound", "2", "note", "x"))).isNotEqualTo(key);
        assertThat(Notifications.idempotencyKey(MessageType.EVIDENCE_REQUEST, DeliveryChannel.EMAIL, "CP-1", "b@example.com", model))
                .isNotEqualTo(key);
        assertThat(Notifications.idempotencyKey(MessageType.EVIDENCE_REMINDER, DeliveryChannel.EMAIL, "CP-1", "a@example.com", model))
                .isNotEqualTo(key);
    }

    @Test
    void phoneNumbersAreMaskedToTheirFirstThreeAndLastFourDigits() {
        assertThat(PhoneNumbers.mask("13800138000")).isEqualTo("138****8000");
        assertThat(PhoneNumbers.mask("+86 138-0013-8000")).isEqualTo("861****8000");
        assertThat(PhoneNumbers.mask("12345")).isEqualTo("***45");
        assertThat(PhoneNumbers.maskWithin("provider refused 13800138000: quota")).isEqualTo("provider refused 138****8000: quota");
        assertThat(PhoneNumbers.maskWithin("Couldn't connect to host, port: 127.0.0.1, 3025")).isEqualTo("Couldn't connect to host, port: 127.0.0.1, 3025");
    }

    @Test
    void anErrorIsKeptOnOneLineWithTheCausesThatAddSomething() {
        var refused = new java.net.ConnectException("Connection refused");
        var connect = new IllegalStateException("Couldn't connect to host, port: 127.0.0.1, 3025;\n  nested exception is:\n\t" + refused, refused);
        var send = new org.springframework.mail.MailSendException("Mail server connection failed", connect);

        assertThat(NotificationDispatcher.describe(send)).isEqualTo("MailSendException: Mail server connection failed"
                + " / IllegalStateException: Couldn't connect to host, port: 127.0.0.1, 3025; nested exception is: java.net.ConnectException: Connection refused");
        assertThat(NotificationDispatcher.describe(new IllegalStateException("x".repeat(5000)))).hasSize(2000).endsWith("...");
    }

    @Test
    void withoutAnSmsProviderTheMessageIsRecordedInTheLogWithTheNumberMasked(CapturedOutput output) {
        SmsGateway.Result result = new LoggingSmsGateway().send("13800138000", "【投诉中心】您的投诉已受理");

        assertThat(result).isEqualTo(SmsGateway.Result.LOGGED);
        assertThat(output).contains("no SMS provider configured: SMS to 138****8000 recorded, not sent").doesNotContain("13800138000");
    }
}
