package com.complaintdesk.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the outbox dispatcher (and writes the task reminders that are due to the outbox) every complaint-desk.notification.dispatcher.interval (a pause between runs, not a rate),
 * unless complaint-desk.notification.dispatcher.enabled is false.
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
            registrar.addFixedDelayTask(dispatcher::dispatchDue, properties.getDispatcher().getInterval());
            registrar.addFixedDelayTask(taskReminders::sendDue, properties.getDispatcher().getInterval());
        }
    }
}
