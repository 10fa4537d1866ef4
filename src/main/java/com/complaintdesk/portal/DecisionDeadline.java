package com.complaintdesk.portal;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.deadline.DeadlineService;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** When the company owes the complainant its decision: the complaint's decision deadline (DeadlineService), as a day. */
@Component
class DecisionDeadline {

    private final DeadlineService deadlines;

    DecisionDeadline(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    LocalDate decisionDue(Complaint complaint) {
        // the record holds the deadline (moved by extensions); complaints from before it was stored compute it
        var due = complaint.getDecisionDueAt() != null ? complaint.getDecisionDueAt() : deadlines.decisionDueFor(complaint);
        return due.atZone(ZONE).toLocalDate();
    }
}
