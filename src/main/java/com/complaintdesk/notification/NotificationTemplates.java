package com.complaintdesk.notification;

import com.complaintdesk.shared.Letters;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a message from its template, templates/notifications/&lt;type&gt;.txt, with the documents' renderer
 * ({@link Letters}: {{name}} placeholders, a missing value is an error). A template starts with its headers:
 * <pre>
 * Subject: the e-mail's subject line
 * SMS: the text message (complainants' messages only)
 *
 * the e-mail's body
 * </pre>
 * The headers are split off before the values go in, so no value (a reason with line breaks) can add or cut one.
 * An SMS longer than {@value #MAX_SMS_LENGTH} characters (a long reason in it) is cut short with an ellipsis.
 */
@Component
class NotificationTemplates {

    private static final String SUBJECT = "Subject: ";
    private static final String SMS = "SMS: ";
    /** A text message is kept short: providers split long ones into parts, and charge for each. */
    static final int MAX_SMS_LENGTH = 300;

    private final Letters letters;

    NotificationTemplates(Letters letters) {
        this.letters = letters;
    }

    /** A rendered message: the e-mail's subject and body, and the SMS text where the template has one. */
    record Rendered(String subject, String body, String sms) {
    }

    Rendered render(MessageType type, Map<String, String> values) {
        String name = type.template();
        String text = Letters.load(name).replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        if (!text.startsWith(SUBJECT) || blank < 0) {
            throw new IllegalStateException("Template " + name + " must start with a 'Subject: ' line and a blank line after its headers");
        }
        String subject = null;
        String sms = null;
        for (String header : text.substring(0, blank).split("\n")) {
            if (header.startsWith(SUBJECT)) {
                subject = oneLine(letters.fill(name, header.substring(SUBJECT.length()), values));
            } else if (header.startsWith(SMS)) {
                sms = shortened(oneLine(letters.fill(name, header.substring(SMS.length()), values)));
            } else {
                throw new IllegalStateException("Template " + name + " has an unknown header line: " + header);
            }
        }
        return new Rendered(subject, letters.fill(name, text.substring(blank + 2), values), sms);
    }

    private static String shortened(String sms) {
        return sms.length() <= MAX_SMS_LENGTH ? sms : sms.substring(0, MAX_SMS_LENGTH - 1) + "…";
    }

    /** A subject or an SMS is one line, whatever line breaks a value brought. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
