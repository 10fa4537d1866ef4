package com.complaintdesk.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/**
 * Runs the outbox dispatcher (and writes the task reminders that are due to the outbox) every complaint-desk.notification.dispatcher.interval (a pause between runs, not a rate),
 * unless complaint-desk.notification.dispatcher.enabled is false. The first run comes one interval after the context
 * is up, not at once: at start it would make the outbox's repositories (waiting for Hibernate) while the engine starts
 * (docs/performance.md, Start and memory).
 */
@Configuration
@EnableScheduling
class NotificationConfiguration implements SchedulingConfigurer {

    private final NotificationDispatcher dispatcher;
    private final NotificationProperties properties;
    private final TaskReminders taskReminders;

    NotificationConfiguration(NotificationDispatcher dispatcher, NotificationProperties properties, TaskReminders taskReminders) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.taskReminders = taskReminders;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.getDispatcher().isEnabled()) {
            Duration interval = properties.getDispatcher().getInterval();
            registrar.addFixedDelayTask(new FixedDelayTask(dispatcher::dispatchDue, interval, interval));
            registrar.addFixedDelayTask(new FixedDelayTask(taskReminders::sendDue, interval, interval));
        }
    }
}
