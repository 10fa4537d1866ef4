package com.complaintdesk.reporting;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Labelled;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.settlement.Remedy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A label for every code a report shows (department, category, stage, channel, priority, outcome, remedy), for the
 * Cockpit panel: each taken from where the value is defined (the enums, Departments).
 */
final class Labels {

    private Labels() {
    }

    static Map<String, String> all() {
        Map<String, String> labels = new LinkedHashMap<>();
        Departments.ALL.forEach(d -> labels.put(d, Departments.name(d)));
        for (List<? extends Enum<?>> values : List.of(List.of(Category.values()), List.of(ComplaintStatus.values()),
                List.of(Channel.values()), List.of(Priority.values()), List.of(Outcome.values()), List.of(Remedy.values()))) {
            values.forEach(v -> labels.put(v.name(), ((Labelled) v).label()));
        }
        labels.put("NONE", BundleWords.both("report.notAssigned"));
        return labels;
    }
}
