package com.complaintdesk.evidence;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Evidence;
import com.complaintdesk.complaint.EvidenceRepository;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.CardNumberMasker;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evidence records: what the complainant sent, how it came, who recorded it. */
@Service
public class EvidenceService {

    public static final Set<String> TYPES = Set.of("TRANSACTION_RECORD", "FAULT_PHOTO", "CONTRACT", "CORRESPONDENCE", "OTHER");

    private final ComplaintRecords records;
    private final EvidenceRepository evidence;
    private final RuntimeService runtimeService;

    EvidenceService(ComplaintRecords records, EvidenceRepository evidence, RuntimeService runtimeService) {
        this.records = records;
        this.evidence = evidence;
        this.runtimeService = runtimeService;
    }

    /** An item of evidence, described; a file's digest and size when there is a file. */
    public record Item(String evidenceType, String fileName, String contentType, Long sizeBytes, String sha256, String description) {
    }

    @Transactional
    public Evidence record(Complaint complaint, Item item) {
        if (item.evidenceType() == null || !TYPES.contains(item.evidenceType())) {
            throw InvalidInputException.of(Lifecycle.EVIDENCE_TYPE.name(), "must be one of " + TYPES);
        }
        if (item.fileName() == null && item.description() == null) {
            throw InvalidInputException.of(Lifecycle.EVIDENCE_RECEIVED_DESCRIPTION.name(), "is required: describe what was received");
        }
        Evidence saved = evidence.save(new Evidence(complaint.getId(), item.evidenceType(), CardNumberMasker.mask(item.fileName()),
                item.contentType(), item.sizeBytes(), item.sha256(), CardNumberMasker.mask(item.description()),
                records.currentActor(), records.now()));
        records.recordPublic(complaint, Milestone.EVIDENCE_RECEIVED, BundleWords.both("evidence.record.received")
                + (saved.getFileName() == null ? "" : " " + saved.getFileName()));
        return saved;
    }

    /**
     * Evidence that arrived outside Tasklist (portal, e-mail gateway): records it and, when the complaint waits for
     * evidence (status AWAITING_EVIDENCE and its process waits at Task_AwaitEvidence), tells the process with message
     * EvidenceSubmitted, correlated by the complaint number (the business key); the department then reviews it.
     * Evidence sent at any other time is recorded only.
     */
    @Transactional
    public List<Evidence> submit(String complaintNumber, List<Item> items) {
        Complaint complaint = records.get(complaintNumber);
        List<Evidence> saved = items.stream().map(item -> record(complaint, item)).toList();
        if (waitsForEvidence(complaint)) {
            runtimeService.createMessageCorrelation(Processes.MESSAGE_EVIDENCE_SUBMITTED)
                    .processInstanceBusinessKey(complaintNumber)
                    .correlate();
            complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION); // the department reviews what arrived
        }
        return saved;
    }

    /** Whether the complaint waits for the complainant's evidence: its status says so and its process waits for it. */
    @Transactional(readOnly = true)
    public boolean waitsForEvidence(Complaint complaint) {
        return complaint.getStatus() == ComplaintStatus.AWAITING_EVIDENCE && complaint.getProcessInstanceId() != null
                && runtimeService.createEventSubscriptionQuery()
                        .processInstanceId(complaint.getProcessInstanceId())
                        .eventType("message")
                        .eventName(Processes.MESSAGE_EVIDENCE_SUBMITTED)
                        .count() > 0;
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidenceOf(Complaint complaint) {
        return evidence.findByComplaintIdOrderByAddedAtAscIdAsc(complaint.getId());
    }
}
