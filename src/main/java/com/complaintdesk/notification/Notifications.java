package com.complaintdesk.notification;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.shared.Letters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells complainants and staff what happened. Nothing is sent here: each message is written to the outbox, one row
 * per recipient and channel, in the transaction of the step that calls (Propagation.MANDATORY: there must be one).
 * A step that rolls back leaves no message behind; a step that commits always has its messages, which
 * {@link NotificationDispatcher} sends afterwards and retries until they are out. The same message to the same
 * recipient is written once, however often the step runs: the idempotency key is the type, the channel and a digest
 * of the complaint number, the recipient and the caller's values.
 *
 * <p>The complainant gets an e-mail where the record has an address, and an SMS to the registered phone. Staff get
 * e-mails: the user named, or else every member of the group who has an address.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final OutboxRows outbox;
    private final NotificationTemplates templates;
    private final StaffDirectory staff;
    private final ComplaintRecords records;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifications(OutboxRows outbox, NotificationTemplates templates, StaffDirectory staff, ComplaintRecords records,
                  NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.staff = staff;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A message to the complainant of {@code complaint}: by e-mail where there is an address, and by SMS. {@code model}
     * holds what the step knows (see {@link MessageType}); the complaint's own facts are added here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toComplainant(Complaint complaint, MessageType type, Map<String, String> model) {
        require(type, MessageType.Audience.COMPLAINANT);
        Map<String, String> values = new HashMap<>(complaintFacts(complaint));
        values.putAll(model);
        NotificationTemplates.Rendered message = templates.render(type, values);
        List<OutboxRows.Row> rows = new ArrayList<>();
        String email = complaint.getComplainant().email();
        if (email != null && !email.isBlank()) {
            rows.add(row(complaint.getId(), complaint.getComplaintNumber(), type, DeliveryChannel.EMAIL, email.strip(),
                    message.subject(), message.body(), model));
        }
        String phone = complaint.getComplainant().phone();
        if (message.sms() != null && phone != null && !phone.isBlank()) {
            rows.add(row(complaint.getId(), complaint.getComplaintNumber(), type, DeliveryChannel.SMS, phone.strip(), null, message.sms(), model));
        }
        enqueue(rows, type);
    }

    /**
     * An e-mail to staff: to {@code userIdOrNull} when given, else to every member of {@code groupId} who has an e-mail
     * address. {@code model} holds the values of the message (see {@link MessageType}), complaintNumber among them where
     * the message is about a complaint. Nobody with an address: nothing is written, and the log says so.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toStaff(String groupId, String userIdOrNull, MessageType type, Map<String, String> model) {
        require(type, MessageType.Audience.STAFF);
        if (groupId == null && userIdOrNull == null) {
            throw new IllegalArgumentException("A staff message needs a group or a user");
        }
        List<StaffDirectory.Member> recipients = userIdOrNull != null ? staff.user(userIdOrNull) : staff.membersOf(groupId);
        String number = model.get("complaintNumber");
        if (recipients.isEmpty()) {
            log.warn("No e-mail address for {}: {} about {} not written", userIdOrNull != null ? "user " + userIdOrNull : "group " + groupId,
                    type, number);
            return;
        }
        Long complaintId = number == null ? null : records.find(number).map(Complaint::getId).orElse(null);
        List<OutboxRows.Row> rows = new ArrayList<>();
        for (StaffDirectory.Member member : recipients) {
            Map<String, String> values = new HashMap<>();
            values.put("staffName", member.name());
            values.put("groupName", groupId == null ? "" : Departments.ALL.contains(groupId) ? Departments.name(groupId) : groupId);
            values.put("tasklistUrl", properties.tasklistUrl());
            values.put("baseUrl", properties.getBaseUrl().replaceAll("/+$", ""));
            values.putAll(model);
            NotificationTemplates.Rendered message = templates.render(type, values);
            rows.add(row(complaintId, number, type, DeliveryChannel.EMAIL, member.email(), message.subject(), message.body(), model));
        }
        enqueue(rows, type);
    }

    private OutboxRows.Row row(Long complaintId, String complaintNumber, MessageType type, DeliveryChannel channel, String recipient,
                               String subject, String body, Map<String, String> model) {
        return new OutboxRows.Row(complaintId, complaintNumber, type, channel, recipient, subject, body,
                idempotencyKey(type, channel, complaintNumber, recipient, model));
    }

    /** All messages of one step in one insert; those in the outbox already (the step ran before) are skipped. */
    private void enqueue(List<OutboxRows.Row> rows, MessageType type) {
        int written = outbox.insertNew(rows, clock.instant());
        if (written < rows.size()) {
            log.debug("{} of {} {} messages were in the outbox already", rows.size() - written, rows.size(), type);
        }
    }

    static String idempotencyKey(MessageType type, DeliveryChannel channel, String complaintNumber, String recipient,
                                 Map<String, String> model) {
        StringBuilder identity = new StringBuilder().append(complaintNumber).append('\n').append(recipient).append('\n');
        new TreeMap<>(model).forEach((name, value) -> identity.append(name).append('=').append(value).append('\n'));
        return type + ":" + channel + ":" + Letters.sha256(identity.toString());
    }

    private Map<String, String> complaintFacts(Complaint complaint) {
        Map<String, String> facts = new HashMap<>();
        facts.put("complaintNumber", complaint.getComplaintNumber());
        facts.put("complainantName", complaint.getComplainant().name());
        facts.put("category", complaint.getCategory().label());
        facts.put("registeredDate", complaint.getRegisteredAt().atZone(ZONE).toLocalDate().toString());
        facts.put("portalUrl", properties.portalUrl());
        facts.put("outcome", complaint.getOutcome() == null ? "—" : complaint.getOutcome().label());
        facts.put("closingSummary", complaint.getClosingSummary() == null ? "—" : complaint.getClosingSummary());
        return facts;
    }

    private static void require(MessageType type, MessageType.Audience audience) {
        if (type.audience() != audience) {
            throw new IllegalArgumentException(type + " is a message to " + type.audience() + ", not to " + audience);
        }
    }

}
