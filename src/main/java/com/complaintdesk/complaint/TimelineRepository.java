package com.complaintdesk.complaint;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only access to the timeline: there is no update and no delete. */
public interface TimelineRepository extends Repository<TimelineEntry, Long> {

    TimelineEntry save(TimelineEntry entry);

    List<TimelineEntry> findByComplaintIdOrderByOccurredAtAscIdAsc(Long complaintId);
}
