package com.complaintdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an outbox row as a plain-text UTF-8 e-mail through Spring Boot's mail sender (spring.mail.*). The Message-ID
 * comes from the row's idempotency key, so should a message ever go out twice (a node that lost its claim mid-send),
 * mail systems see the same message twice, not two messages.
 */
@Component
class EmailSender {

    private final JavaMailSender mailSender;
    private final NotificationProperties properties;

    EmailSender(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /** Where e-mail goes, for the log: host and port of spring.mail. */
    String server() {
        return mailSender instanceof JavaMailSenderImpl impl ? impl.getHost() + ":" + impl.getPort() : "(mail sender " + mailSender + ")";
    }

    void send(OutboxMessage message) {
        MimeMessage mime = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.getFrom());
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            helper.setText(message.getBody(), false);
            mime.setHeader("Message-ID", "<" + message.getIdempotencyKey().replace(':', '.').toLowerCase() + "@complaint-desk>");
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build the e-mail of notification " + message.getId(), e);
        }
        mailSender.send(mime);
    }
}
