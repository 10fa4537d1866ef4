package com.complaintdesk.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What arrived at the tests' SMTP server ({@link TestMailServer}), by complaint number and subject. */
public final class Mailbox {

    private final GreenMail server;

    public Mailbox(GreenMail server) {
        this.server = server;
    }

    /** Every e-mail whose subject names the complaint number (or any other text). */
    public List<MimeMessage> about(String text) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> subject(m).contains(text)).toList();
    }

    /** Waits for the e-mail whose subject starts with {@code subjectStart} and names {@code number}. */
    public MimeMessage awaitOne(String number, String subjectStart) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> about(number).stream().filter(m -> subject(m).startsWith(subjectStart)).findFirst().orElse(null),
                m -> m != null);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a plain-text e-mail, decoded. */
    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
