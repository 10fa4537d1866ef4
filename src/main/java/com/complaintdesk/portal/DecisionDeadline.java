package com.complaintdesk.portal;

import com.complaintdesk.complaint.Complaint;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * When the company owes the complainant its decision. For now registration (its day in Asia/Shanghai) plus
 * complaint-desk.portal.decision-due-days calendar days (15, as the PBoC and banking complaint rules ask); the
 * one place to change when a deadline service with working days and extensions takes over.
 */
@Component
class DecisionDeadline {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final PortalProperties properties;

    DecisionDeadline(PortalProperties properties) {
        this.properties = properties;
    }

    LocalDate decisionDue(Complaint complaint) {
        return complaint.getRegisteredAt().atZone(ZONE).toLocalDate().plusDays(properties.getDecisionDueDays());
    }
}
