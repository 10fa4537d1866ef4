package com.complaintdesk.complaint;

import com.complaintdesk.identity.Departments;
import com.complaintdesk.shared.BusinessTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the complaint's key facts (complainant, category, description, transactions, evidence) on every task of
 * the lifecycle as the task-local variable complaintSummary, which every task form shows at its top: the worker
 * never needs another screen to know what the complaint is about. What the complainant wrote is escaped
 * ({@link MarkdownText}): it shows as text and never becomes a link or markup.
 */
@Component
class ComplaintSummaries {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE);

    private final ComplaintRepository complaints;
    private final EvidenceRepository evidence;

    ComplaintSummaries(ComplaintRepository complaints, EvidenceRepository evidence) {
        this.complaints = complaints;
        this.evidence = evidence;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        Object number = task.getVariable(Lifecycle.COMPLAINT_NUMBER.name());
        if (number == null) {
            return;
        }
        complaints.findByComplaintNumber(number.toString()).ifPresent(complaint -> {
            Lifecycle.COMPLAINT_SUMMARY.setLocal(task, summarize(complaint));
            task.setVariablesLocal(listLabels(complaint));
        });
    }

    /**
     * Category, priority and department in the summary's words, for the columns of Tasklist's task list (its filters
     * show these task-local variables; the process keeps the codes). Before routing the priority is "未定 Not yet set"
     * and there is no department.
     */
    Map<String, Object> listLabels(Complaint c) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put(Lifecycle.CATEGORY_LABEL.name(), c.getCategory().label());
        labels.put(Lifecycle.PRIORITY_LABEL.name(), c.getPriority() == null ? BundleWords.both("summary.priorityNotYetSet") : c.getPriority().label());
        if (c.getDepartment() != null) {
            labels.put(Lifecycle.DEPARTMENT_LABEL.name(), departmentName(c.getDepartment()));
        }
        return labels;
    }

    String summarize(Complaint c) {
        StringBuilder s = new StringBuilder();
        Complainant who = c.getComplainant();
        s.append("- **" + BundleWords.both("summary.complainant") + ":** ").append(MarkdownText.of(who.name())).append(", ").append(MarkdownText.of(who.phone()));
        if (who.email() != null) {
            s.append(", ").append(MarkdownText.of(who.email()));
        }
        s.append("\n- **" + BundleWords.both("summary.merchant") + ":** ").append(MarkdownText.of(who.merchantId()));
        if (c.getTerminalSerial() != null) {
            s.append(" · **" + BundleWords.both("summary.terminal") + ":** ").append(MarkdownText.of(c.getTerminalSerial()));
        }
        s.append("\n- **" + BundleWords.both("summary.channel") + ":** ").append(c.getChannel().label()).append(" · **" + BundleWords.both("summary.category") + ":** ").append(c.getCategory().label());
        if (c.getSubCategory() != null) {
            s.append(" · ").append(SubCategory.ownLabelOf(c.getSubCategory()));
        }
        if (c.getDepartment() != null) {
            s.append(" · **" + BundleWords.both("summary.department") + ":** ").append(departmentName(c.getDepartment()));
            if (c.getPriority() != null) {
                s.append(" · **" + BundleWords.both("summary.priority") + ":** ").append(c.getPriority().label());
            }
        }
        s.append("\n- **" + BundleWords.both("summary.registered") + ":** ").append(TIME.format(c.getRegisteredAt()))
                .append(" · **" + BundleWords.both("summary.status") + ":** ").append(c.getStatus().label());
        if (c.getDecisionDueAt() != null) {
            s.append("\n- **" + BundleWords.both("summary.decisionDue") + ": ").append(DAY.format(c.getDecisionDueAt())).append("**");
            if (c.getExtendedDays() > 0) {
                s.append(" (").append(BundleWords.both("summary.extendedBy", String.valueOf(c.getExtendedDays()))).append(")");
            }
            if (c.isDeadlineBreached()) {
                s.append(" · **" + BundleWords.both("summary.overdue") + "**");
            }
        }
        s.append("\n- **" + BundleWords.both("summary.description") + ":** ").append(MarkdownText.of(c.getDescription()));
        if (c.getContractedRatePercent() != null) {
            s.append("\n- **" + BundleWords.both("summary.contractedRate") + ":** ").append(c.getContractedRatePercent().stripTrailingZeros().toPlainString()).append("%");
        }
        for (ComplaintTransaction tx : c.getTransactions()) {
            s.append("\n- **" + BundleWords.both("summary.transaction") + "** ").append(MarkdownText.of(tx.getReference()))
                    .append(tx.getOccurredAt() == null ? "" : " (" + TIME.format(tx.getOccurredAt()) + ")")
                    .append(": " + BundleWords.both("summary.amount") + " ¥").append(tx.getAmount().toPlainString())
                    .append(", " + BundleWords.both("summary.fee") + " ¥").append(tx.getFeeCharged().toPlainString());
        }
        List<Evidence> items = evidence.findByComplaintIdOrderByAddedAtAscIdAsc(c.getId());
        if (items.isEmpty()) {
            s.append("\n- **" + BundleWords.both("summary.evidence") + ":** " + BundleWords.both("summary.none"));
        } else {
            s.append("\n- **" + BundleWords.both("summary.evidence") + ":**");
            for (Evidence e : items) {
                s.append("\n  - ").append(e.getEvidenceType());
                if (e.getFileName() != null) {
                    s.append(" ").append(MarkdownText.of(e.getFileName()));
                }
                if (e.getDescription() != null) {
                    s.append(": ").append(MarkdownText.of(e.getDescription()));
                }
                s.append(" (").append(e.getAddedBy()).append(", ").append(TIME.format(e.getAddedAt())).append(")");
            }
        }
        return s.toString();
    }

    /** "技术支持部 Technical support" for the department's group id; the id itself for a group that is no department. */
    private static String departmentName(String groupId) {
        return Departments.ALL.contains(groupId) ? Departments.name(groupId) : groupId;
    }
}
