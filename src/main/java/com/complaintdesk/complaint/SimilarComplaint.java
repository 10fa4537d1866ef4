package com.complaintdesk.complaint;

import java.time.Instant;
import java.util.Comparator;

/** An open complaint like one being filed (same category, same merchant or terminal): its number and filing order. */
public record SimilarComplaint(String complaintNumber, Instant registeredAt, Long id) {

    /** Filing order: the earlier filing first, the lower id on the same instant. */
    static final Comparator<SimilarComplaint> EARLIEST_FIRST =
            Comparator.comparing(SimilarComplaint::registeredAt).thenComparing(SimilarComplaint::id);
}
