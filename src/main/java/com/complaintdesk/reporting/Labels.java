package com.complaintdesk.reporting;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.notification.Notifications;
import com.complaintdesk.settlement.Remedy;
import com.complaintdesk.settlement.RemedyLabels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the reports call each code, Chinese first with English beside. Categories, departments, outcomes and remedies
 * take the labels their features define; stages, channels and priorities have theirs here (the portal has its own
 * words for the complainant).
 */
final class Labels {

    private Labels() {
    }

    static String stage(ComplaintStatus status) {
        return switch (status) {
            case REGISTERED -> "已登记 Registered";
            case AWAITING_EVIDENCE -> "等待证据 Awaiting evidence";
            case UNDER_INVESTIGATION -> "调查中 Under investigation";
            case AWAITING_APPROVAL -> "待审批 Awaiting approval";
            case AWAITING_COMPLAINANT -> "等待投诉人答复 Awaiting the complainant";
            case SETTLEMENT_AGREED -> "已达成和解 Settlement agreed";
            case SETTLEMENT_EXECUTED -> "和解已履行 Settlement carried out";
            case FINAL_RESPONSE_ISSUED -> "已发最终答复 Final response issued";
            case IN_LEGAL_PROCEEDINGS -> "诉讼/仲裁中 In legal proceedings";
            case CLOSED -> "已结案 Closed";
        };
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case HOTLINE -> "热线 Hotline";
            case ONLINE -> "在线 Online";
            case WALK_IN -> "临柜 Walk-in";
            case REGULATOR -> "监管转办 Regulator";
        };
    }

    static String priority(Priority priority) {
        return switch (priority) {
            case HIGH -> "高 High";
            case NORMAL -> "中 Normal";
            case LOW -> "低 Low";
        };
    }

    static String outcome(Outcome outcome) {
        return Notifications.label(outcome);
    }

    static String remedy(Remedy remedy) {
        return RemedyLabels.label(remedy);
    }

    /** A label for any code a report shows: its department, category, stage, channel, priority, outcome or remedy. */
    static Map<String, String> all() {
        Map<String, String> labels = new LinkedHashMap<>();
        Departments.ALL.forEach(d -> labels.put(d, Departments.name(d)));
        for (Category c : Category.values()) {
            labels.put(c.name(), c.label());
        }
        for (ComplaintStatus s : ComplaintStatus.values()) {
            labels.put(s.name(), stage(s));
        }
        for (Channel c : Channel.values()) {
            labels.put(c.name(), channel(c));
        }
        for (Priority p : Priority.values()) {
            labels.put(p.name(), priority(p));
        }
        for (Outcome o : Outcome.values()) {
            labels.put(o.name(), outcome(o));
        }
        for (Remedy r : Remedy.values()) {
            labels.put(r.name(), remedy(r));
        }
        labels.put("NONE", "未分配 Not assigned");
        return labels;
    }
}
