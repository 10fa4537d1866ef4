package com.complaintdesk.notification;

import static com.complaintdesk.complaint.LifecycleVariables.COMPLAINT_NUMBER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Timeout task listeners of the lifecycle's user tasks, ${taskReminders.remind(task)} (at 50 % and 80 % of the time
 * to the due date): a TASK_REMINDER e-mail to the assignee, or to the members of the candidate groups while nobody
 * has claimed the task. The reminder says how much of the time is used, so the two reminders of a task differ.
 */
@Component("taskReminders")
public class TaskReminders {

    private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Notifications notifications;
    private final NotificationProperties properties;
    private final Clock clock;

    TaskReminders(Notifications notifications, NotificationProperties properties, Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    public void remind(DelegateTask task) {
        Map<String, String> model = new HashMap<>();
        Object number = task.getVariable(COMPLAINT_NUMBER);
        model.put("complaintNumber", number == null ? "—" : number.toString());
        model.put("taskName", task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
        model.put("taskId", task.getId());
        model.put("dueDate", task.getDueDate() == null ? "未设定 not set" : TIME.format(task.getDueDate().toInstant()));
        model.put("elapsed", elapsed(task));
        model.put("taskUrl", properties.tasklistUrl() + "#/?task=" + task.getId());
        if (task.getAssignee() != null) {
            notifications.toStaff(null, task.getAssignee(), MessageType.TASK_REMINDER, model);
            return;
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .distinct()
                .toList();
        if (groups.isEmpty()) {
            log.warn("Task {} ({}) has neither an assignee nor a candidate group: no reminder sent", task.getId(), task.getTaskDefinitionKey());
        }
        groups.forEach(group -> notifications.toStaff(group, null, MessageType.TASK_REMINDER, model));
    }

    /** The share of the time from the task's creation to its due date used so far, "50%"; "—" without a due date. */
    private String elapsed(DelegateTask task) {
        if (task.getDueDate() == null || task.getCreateTime() == null) {
            return "—";
        }
        Instant created = task.getCreateTime().toInstant();
        Duration allowed = Duration.between(created, task.getDueDate().toInstant());
        if (allowed.isZero() || allowed.isNegative()) {
            return "100%";
        }
        long percent = Duration.between(created, clock.instant()).toMillis() * 100 / allowed.toMillis();
        return Math.max(0, percent) + "%";
    }
}
