package com.complaintdesk.closure;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a complaint with its outcome and root cause; every path of the lifecycle ends here, and the complainant is
 * told (CLOSURE) whatever the outcome: a duplicate's closing summary names the complaint that goes on.
 */
@Service
public class Closure {

    private static final Logger log = LoggerFactory.getLogger(Closure.class);

    private final ComplaintRecords records;
    private final Notifications notifications;

    Closure(ComplaintRecords records, Notifications notifications) {
        this.records = records;
        this.notifications = notifications;
    }

    @Transactional
    public Complaint close(String complaintNumber, Outcome outcome, RootCause rootCause, String summary, String duplicateOf) {
        Complaint complaint = records.get(complaintNumber);
        if (complaint.isClosed()) {
            return complaint; // a retried step: closing is done once
        }
        if (outcome == null) {
            throw InvalidInputException.of(Lifecycle.OUTCOME.name(), "is required");
        }
        String text = summary;
        if (outcome == Outcome.DUPLICATE) {
            records.get(duplicateOf);
            complaint.markDuplicateOf(duplicateOf);
            text = words("closure.record.duplicateOf", duplicateOf) + (summary == null ? "" : ". " + summary);
        } else if (outcome == Outcome.WITHDRAWN && text == null) {
            text = words("closure.record.withdrawn");
        }
        if (text == null) {
            throw InvalidInputException.of(Lifecycle.CLOSING_SUMMARY.name(), "is required");
        }
        complaint.close(outcome, rootCause, text, records.now());
        records.recordPublic(complaint, Milestone.CLOSED, words("closure.record.closed", outcome.label()) + ". " + text);
        notifications.toComplainant(complaint, MessageType.CLOSURE, Map.of());
        log.info("Closed complaint {} as {}", complaintNumber, outcome);
        return complaint;
    }

    /** "已结案 Closed": the words of {@code key} in the message bundles, Chinese first with English beside. */
    private static String words(String key, Object... args) {
        return BundleWords.both(key, Arrays.stream(args).map(String::valueOf).toArray());
    }
}
