package com.complaintdesk.complaint;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads complaint records and appends to their timelines. Every stage goes through here, so the timeline
 * records who did what, when, in the same transaction as the process step.
 */
@Service
public class ComplaintRecords {

    private final ComplaintRepository complaints;
    private final TimelineRepository timeline;
    private final IdentityService identityService;
    private final Clock clock;
    private final EntityManager entityManager;

    ComplaintRecords(ComplaintRepository complaints, TimelineRepository timeline, IdentityService identityService, Clock clock,
                     EntityManager entityManager) {
        this.complaints = complaints;
        this.timeline = timeline;
        this.identityService = identityService;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Complaint get(String complaintNumber) {
        return complaints.findByComplaintNumber(complaintNumber)
                .orElseThrow(() -> new ComplaintNotFoundException(complaintNumber));
    }

    /**
     * The record with this number: the one this transaction holds already, else one query (no flush of what the
     * transaction has changed). For steps that read a record many times in one transaction, such as deadlines.
     */
    @Transactional(readOnly = true)
    public Optional<Complaint> find(String complaintNumber) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(Complaint.class).loadOptional(complaintNumber);
    }

    /** Records a milestone that the complainant may see (on the portal and in letters). */
    @Transactional
    public void recordPublic(Complaint complaint, Milestone milestone, String detail) {
        append(complaint, milestone, detail, true);
    }

    /** Records a milestone for staff only. */
    @Transactional
    public void recordInternal(Complaint complaint, Milestone milestone, String detail) {
        append(complaint, milestone, detail, false);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(Complaint complaint) {
        return timeline.findByComplaintIdOrderByOccurredAtAscIdAsc(complaint.getId());
    }

    /** The user on whose behalf the engine works now, or "system" for the job executor. */
    public String currentActor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "system";
    }

    public Instant now() {
        return clock.instant();
    }

    private void append(Complaint complaint, Milestone milestone, String detail, boolean publicEntry) {
        String text = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
        timeline.save(new TimelineEntry(complaint.getId(), now(), milestone, text, currentActor(), publicEntry));
    }
}
