package com.complaintdesk.intake;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.CardNumberMasker;
import com.complaintdesk.complaint.Complainant;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.deadline.BusinessCalendar;
import com.complaintdesk.deadline.DeadlineService;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import com.complaintdesk.shared.BusinessTime;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a complaint comes into being. The record and its complaint-lifecycle process are written in one
 * transaction: a record never exists without its process, nor a process without its record. Used by the Tasklist
 * start form (through the process's first step) and by the public API.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final Validator validator;
    private final ComplaintRepository complaints;
    private final ComplaintRecords records;
    private final ComplaintNumbers numbers;
    private final RuntimeService runtimeService;
    private final DeadlineService deadlines;
    private final Notifications notifications;
    private final ZoneId zone;

    IntakeService(Validator validator, ComplaintRepository complaints, ComplaintRecords records, ComplaintNumbers numbers,
                  RuntimeService runtimeService, DeadlineService deadlines, Notifications notifications) {
        this.validator = validator;
        this.complaints = complaints;
        this.records = records;
        this.numbers = numbers;
        this.runtimeService = runtimeService;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.zone = BusinessTime.ZONE;
    }

    /** What registration produced: the record, and an open complaint that looks like the same matter, if any. */
    public record Registered(Complaint complaint, String suspectedDuplicateOf) {
    }

    /** Registers a complaint and starts its process (public API and other channels). */
    @Transactional
    public Registered register(ComplaintRegistration registration) {
        Registered registered = createRecord(registration);
        Complaint complaint = registered.complaint();
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(Processes.LIFECYCLE_KEY)
                .businessKey(complaint.getComplaintNumber())
                .setVariables(Variables.createVariables()
                        .putValue(Lifecycle.COMPLAINT_NUMBER.name(), complaint.getComplaintNumber())
                        .putValue(Lifecycle.CHANNEL.name(), complaint.getChannel().name())
                        .putValue(Lifecycle.CATEGORY.name(), complaint.getCategory().name())
                        .putValue(Lifecycle.VIA_SALES_PROMOTION.name(), complaint.isViaSalesPromotion())
                        .putValue(Lifecycle.SUSPECTED_DUPLICATE_OF.name(), nullToEmpty(registered.suspectedDuplicateOf())))
                .execute();
        complaint.attachProcess(instance.getId());
        return registered;
    }

    /**
     * Writes the record for a process that a start form has just started; called by the process's first step,
     * inside the transaction that starts the process.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registered registerForStartedProcess(ComplaintRegistration registration, String processInstanceId) {
        Registered registered = createRecord(registration);
        registered.complaint().attachProcess(processInstanceId);
        return registered;
    }

    private Registered createRecord(ComplaintRegistration registration) {
        validate(registration);
        var now = records.now();
        String number = numbers.next(now.atZone(zone).toLocalDate());
        Complaint complaint = new Complaint(number, registration.channel(),
                new Complainant(CardNumberMasker.mask(registration.complainantName().strip()), registration.complainantPhone().strip(),
                        blankToNull(registration.complainantEmail()), CardNumberMasker.mask(registration.merchantId().strip())),
                CardNumberMasker.mask(blankToNull(registration.terminalSerial())), registration.category(), registration.viaSalesPromotion(),
                CardNumberMasker.mask(registration.description().strip()), registration.contractedRatePercent(),
                records.currentActor(), now);
        for (ComplaintRegistration.TransactionLine line : registration.transactions()) {
            complaint.addTransaction(CardNumberMasker.mask(line.reference().strip()), line.occurredAt(), line.amount(), line.feeCharged());
        }
        complaint.scheduleDecision(deadlines.decisionDueFor(complaint));
        complaints.save(complaint);
        records.recordPublic(complaint, Milestone.REGISTERED,
                BundleWords.both("intake.record.registered", registration.channel().label(), registration.category().label()));

        String suspected = complaints.firstOpenSimilarNumber(complaint.getCategory(), complaint.getComplainant().merchantId(),
                complaint.getTerminalSerial(), number).orElse(null);
        if (suspected != null) {
            records.recordInternal(complaint, Milestone.REGISTERED, BundleWords.both("intake.record.possibleDuplicate", suspected));
        }
        notifications.toComplainant(complaint, MessageType.ACKNOWLEDGEMENT,
                Map.of("decisionDate", BusinessCalendar.dateOf(complaint.getDecisionDueAt()).toString()));
        log.info("Registered complaint {} (channel {}, category {})", number, complaint.getChannel(), complaint.getCategory());
        return new Registered(complaint, suspected);
    }

    private void validate(ComplaintRegistration registration) {
        Set<ConstraintViolation<ComplaintRegistration>> violations = validator.validate(registration);
        if (!violations.isEmpty()) {
            List<InvalidInputException.FieldError> errors = violations.stream()
                    .map(v -> new InvalidInputException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(InvalidInputException.FieldError::field))
                    .toList();
            throw new InvalidInputException(errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
