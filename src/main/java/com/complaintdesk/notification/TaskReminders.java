package com.complaintdesk.notification;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.deadline.DeadlineService;
import com.complaintdesk.shared.BusinessTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders of the lifecycle's user tasks at 50 % and 80 % of the time to the due date: a TASK_REMINDER e-mail to the
 * assignee, or to the members of the candidate groups while nobody has claimed the task. The reminder says how much of
 * the time is used, so the two reminders of a task differ.
 *
 * <p>Each user task's create listener, {@code ${taskReminders.schedule(task)}}, writes the two reminders as rows of
 * our own table task_reminder, in the engine's transaction; {@link #sendDue()} (every
 * complaint-desk.notification.dispatcher.interval) sends those that are due while their task is open. No engine timer
 * is involved: a process instance migration strips timeout listeners from the cached target definition until a
 * restart (camunda-bpm-platform 4633/4637), while a migrated task keeps its id and so its rows, and a task created on
 * the new version runs its create listener as any other. When the due date has moved (an extension), the reminder
 * moves with it.
 */
@Component("taskReminders")
public class TaskReminders {

    static final List<Integer> PERCENTS = List.of(50, 80);
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private final Notifications notifications;
    private final NotificationProperties properties;
    private final DeadlineService deadlines;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TaskReminders(Notifications notifications, NotificationProperties properties, DeadlineService deadlines, TaskService taskService,
                  JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.deadlines = deadlines;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Create listener of each user task: its reminders at 50 % and 80 % of the time to its due date. */
    public void schedule(DelegateTask task) {
        for (int percent : PERCENTS) {
            Date at = deadlines.taskReminderAt(task, percent);
            jdbc.update("insert into task_reminder (task_id, percent, remind_at) values (?, ?, ?)",
                    task.getId(), percent, Timestamp.from(at.toInstant()));
        }
    }

    /**
     * A task's due date changed (an extension, or someone set it in Tasklist): its reminders not yet sent move with it.
     */
    @EventListener(condition = "#task.eventName == 'update'")
    public void onTaskUpdated(DelegateTask task) {
        if (!TaskListener.EVENTNAME_UPDATE.equals(task.getEventName()) || task.getDueDate() == null) {
            return;
        }
        for (int percent : PERCENTS) {
            Instant at = pointOf(task.getCreateTime(), task.getDueDate(), percent);
            jdbc.update("update task_reminder set remind_at = ? where task_id = ? and percent = ? and sent_at is null",
                    Timestamp.from(at), task.getId(), percent);
        }
    }

    /** The reminders of a task: percent to when (what is planned; sent ones included). */
    public Map<Integer, Instant> scheduledFor(String taskId) {
        Map<Integer, Instant> planned = new HashMap<>();
        jdbc.query("select percent, remind_at from task_reminder where task_id = ?",
                row -> {
                    planned.put(row.getInt(1), row.getTimestamp(2).toInstant());
                }, taskId);
        return planned;
    }

    /**
     * Sends the reminders that are due, each in its own transaction, batch after batch until none is left (a backlog
     * after a stop goes out in one run, not 100 per interval); answers how many were sent. A handled row leaves the due set (sent,
     * deleted or moved on), so each batch makes progress; a full batch in which every send failed ends the run, and its
     * rows are tried again on the next run.
     */
    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        while (true) {
            List<Due> due = jdbc.query("select id, task_id, percent from task_reminder where sent_at is null and remind_at <= ?"
                            + " order by remind_at fetch first " + BATCH + " rows only",
                    (row, n) -> new Due(row.getLong(1), row.getString(2), row.getInt(3)), Timestamp.from(now));
            int handled = 0;
            for (Due reminder : due) {
                try {
                    Boolean result = transaction.execute(status -> send(reminder, now));
                    handled++;
                    if (Boolean.TRUE.equals(result)) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Reminder {} of task {} not sent; tried again on the next run", reminder.percent(), reminder.taskId(), e);
                }
            }
            if (due.size() < BATCH || handled == 0) {
                return sent;
            }
        }
    }

    private boolean send(Due reminder, Instant now) {
        Task task = taskService.createTaskQuery().taskId(reminder.taskId()).singleResult();
        if (task == null) {
            // completed or cancelled: nothing to remind of
            jdbc.update("delete from task_reminder where id = ?", reminder.id());
            return false;
        }
        Instant at = pointOf(task.getCreateTime(), task.getDueDate(), reminder.percent());
        if (at != null && at.isAfter(now)) {
            jdbc.update("update task_reminder set remind_at = ? where id = ? and sent_at is null", Timestamp.from(at), reminder.id());
            return false;
        }
        if (jdbc.update("update task_reminder set sent_at = ? where id = ? and sent_at is null", Timestamp.from(now), reminder.id()) != 1) {
            return false; // another node sent it
        }
        List<String> groups = task.getAssignee() != null ? List.of() : taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .distinct()
                .toList();
        Object number = taskService.getVariable(task.getId(), Lifecycle.COMPLAINT_NUMBER.name());
        remind(new Reminded(task.getId(), task.getName() == null ? task.getTaskDefinitionKey() : task.getName(), task.getTaskDefinitionKey(),
                task.getCreateTime(), task.getDueDate(), task.getAssignee(), groups, number));
        return true;
    }

    /** The reminder of a task, now (what {@link #sendDue()} sends for a due row). */
    public void remind(DelegateTask task) {
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .distinct()
                .toList();
        remind(new Reminded(task.getId(), task.getName() == null ? task.getTaskDefinitionKey() : task.getName(), task.getTaskDefinitionKey(),
                task.getCreateTime(), task.getDueDate(), task.getAssignee(), groups, task.getVariable(Lifecycle.COMPLAINT_NUMBER.name())));
    }

    private void remind(Reminded task) {
        Map<String, String> model = new HashMap<>();
        model.put("complaintNumber", task.complaintNumber() == null ? "—" : task.complaintNumber().toString());
        model.put("taskName", task.name());
        model.put("taskId", task.id());
        model.put("dueDate", task.due() == null ? BundleWords.both("reminder.dueNotSet") : TIME.format(task.due().toInstant()));
        model.put("elapsed", elapsed(task.created(), task.due()));
        model.put("taskUrl", properties.tasklistUrl() + "#/?task=" + task.id());
        if (task.assignee() != null) {
            notifications.toStaff(null, task.assignee(), MessageType.TASK_REMINDER, model);
            return;
        }
        if (task.groups().isEmpty()) {
            log.warn("Task {} ({}) has neither an assignee nor a candidate group: no reminder sent", task.id(), task.key());
        }
        task.groups().forEach(group -> notifications.toStaff(group, null, MessageType.TASK_REMINDER, model));
    }

    /** The moment {@code percent}% of the way from creation to due; null without a due date. */
    static Instant pointOf(Date created, Date due, int percent) {
        if (created == null || due == null) {
            return null;
        }
        Instant start = created.toInstant();
        Instant end = due.toInstant();
        if (!end.isAfter(start)) {
            return end;
        }
        return start.plusMillis(Duration.between(start, end).toMillis() * percent / 100);
    }

    /** The share of the time from the task's creation to its due date used so far, "50%"; "—" without a due date. */
    private String elapsed(Date created, Date due) {
        if (due == null || created == null) {
            return "—";
        }
        Duration allowed = Duration.between(created.toInstant(), due.toInstant());
        if (allowed.isZero() || allowed.isNegative()) {
            return "100%";
        }
        long percent = Duration.between(created.toInstant(), clock.instant()).toMillis() * 100 / allowed.toMillis();
        return Math.max(0, percent) + "%";
    }

    private record Due(long id, String taskId, int percent) {
    }

    private record Reminded(String id, String name, String key, Date created, Date due, String assignee, List<String> groups,
                            Object complaintNumber) {
    }
}
