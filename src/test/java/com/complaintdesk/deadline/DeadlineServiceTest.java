package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complainant;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.shared.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deadline service on the real table (processes/complaint-deadlines.dmn, standalone DMN engine) and the real 2026
 * calendar, with the engine's clock (ClockUtil) fixed and the records mocked. The complaint of most tests is
 * registered on Monday 28 September 2026, before the Mid-Autumn Festival and National Day: its decision is due
 * Tuesday 13 October (15 calendar days), at most Friday 27 November with extensions (60 calendar days).
 */
class DeadlineServiceTest {

    private static final ZoneId SHANGHAI = BusinessTime.ZONE;
    private static final String NUMBER = "CP-20260928-000001";

    private final BusinessCalendar calendar = new BusinessCalendar(Clock.fixed(Instant.parse("2026-09-28T02:00:00Z"), SHANGHAI),
            new String[] {BusinessCalendar.DEFAULT_LOCATIONS});
    private final ComplaintRecords records = mock(ComplaintRecords.class);
    private final DeadlineService deadlines = new DeadlineService(calendar, new StandaloneDeadlinePeriods(), records);

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Instant endOf(String date) {
        return shanghai(date + "T23:59:59");
    }

    private static void engineClockAt(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(shanghai(localDateTime)));
    }

    /** A complaint registered (with its decision deadline) and known to the mocked records. */
    private Complaint registered(Channel channel, String registeredAt) {
        Complaint complaint = new Complaint(NUMBER, channel, new Complainant("王芳", "13800138000", null, "M-1"), "T-1",
                Category.TECHNICAL_FAULT, false, "终端无法开机 terminal does not start", null, "wang.fang", shanghai(registeredAt));
        complaint.scheduleDecision(deadlines.decisionDueFor(complaint));
        when(records.find(NUMBER)).thenReturn(Optional.of(complaint));
        when(records.get(NUMBER)).thenReturn(complaint);
        return complaint;
    }

    private static DelegateExecution execution(String complaintNumber, String channel) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("complaintNumber")).thenReturn(complaintNumber);
        when(execution.getVariable("channel")).thenReturn(channel);
        return execution;
    }

    private static DelegateTask task(String key, String createdAt, Date dueDate) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getTaskDefinitionKey()).thenReturn(key);
        when(task.getCreateTime()).thenReturn(Date.from(shanghai(createdAt)));
        when(task.getDueDate()).thenReturn(dueDate);
        when(task.getVariable("complaintNumber")).thenReturn(NUMBER);
        return task;
    }

    // ---- the decision deadline ----

    @Test
    void theDecisionIsDue15CalendarDaysAfterRegistration() {
        assertThat(registered(Channel.HOTLINE, "2026-09-28T10:00").getDecisionDueAt()).isEqualTo(endOf("2026-10-13"));
    }

    @Test
    void aRegulatorForwardedComplaintIsDecidedWithin7CalendarDaysEvenOverAHoliday() {
        assertThat(registered(Channel.REGULATOR, "2026-09-28T10:00").getDecisionDueAt()).isEqualTo(endOf("2026-10-05"));
    }

    @Test
    void decisionDueAtReadsTheRecord() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        complaint.extendDecision(10, endOf("2026-10-23"), "test");

        assertThat(deadlines.decisionDueAt(execution(NUMBER, "HOTLINE"))).isEqualTo(Date.from(endOf("2026-10-23")));
    }

    @Test
    void decisionDueAtOfARecordFromBeforeDeadlinesCountsFromRegistration() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        complaint.scheduleDecision(null);

        assertThat(deadlines.decisionDueAt(execution(NUMBER, "HOTLINE"))).isEqualTo(Date.from(endOf("2026-10-13")));
    }

    @Test
    void decisionDueAtBeforeRegistrationCountsFromTheEngineClockWithTheProcessChannel() {
        engineClockAt("2026-09-20T09:00");
        when(records.find(anyString())).thenReturn(Optional.empty());

        assertThat(deadlines.decisionDueAt(execution(null, "REGULATOR"))).isEqualTo(Date.from(endOf("2026-09-27")));
        assertThat(deadlines.decisionDueAt(execution(null, "ONLINE"))).isEqualTo(Date.from(endOf("2026-10-05")));
        assertThat(deadlines.decisionDueAt(execution(null, null))).isEqualTo(Date.from(endOf("2026-10-05")));
    }

    @Test
    void evidenceTimersCountWorkingDaysFromTheEngineClock() {
        registered(Channel.ONLINE, "2026-09-28T10:00");
        engineClockAt("2026-09-28T15:00");
        DelegateExecution execution = execution(NUMBER, "ONLINE");

        // 3 working days: Sep 29, Sep 30, then National Day, Oct 8
        assertThat(deadlines.evidenceReminderAt(execution)).isEqualTo(Date.from(endOf("2026-10-08")));
        // 10 working days: Sep 29, 30, Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15, 16
        assertThat(deadlines.evidenceExpiryAt(execution)).isEqualTo(Date.from(endOf("2026-10-16")));
        // 7 working days: Sep 29, 30, Oct 8, 9, 10, 12, 13
        assertThat(deadlines.regulatorResponseAt(execution)).isEqualTo(Date.from(endOf("2026-10-13")));
    }

    @Test
    void aReferralEnteredLateIsDueSevenWorkingDaysAfterItWasReceived() {
        registered(Channel.HOTLINE, "2026-09-28T10:00");
        engineClockAt("2026-10-09T11:00");
        DelegateExecution execution = execution(NUMBER, "HOTLINE");

        // received Sep 28: Sep 29, 30, Oct 8, 9, 10 (make-up Saturday), 12, 13
        assertThat(deadlines.regulatorResponseAt(execution, LocalDate.parse("2026-09-28"))).isEqualTo(Date.from(endOf("2026-10-13")));
        // received today, or no date: from now (Oct 10, 12, 13, 14, 15, 16, 19)
        assertThat(deadlines.regulatorResponseAt(execution, LocalDate.parse("2026-10-09"))).isEqualTo(Date.from(endOf("2026-10-19")));
        assertThat(deadlines.regulatorResponseAt(execution, null)).isEqualTo(Date.from(endOf("2026-10-19")));
    }

    // ---- task due and follow-up dates ----

    @ParameterizedTest(name = "{0} created {1}: due {2}")
    @CsvSource({
            // acknowledgement, 1 working day, over the Mid-Autumn Festival and National Day
            "Task_TriageComplaint,         2026-09-28T10:05, 2026-09-29",
            "Task_TriageComplaint,         2026-09-30T16:00, 2026-10-08",
            // evidence expiry (10 working days, Oct 16) capped at the decision deadline
            "Task_AwaitEvidence,           2026-09-28T11:00, 2026-10-13",
            // investigation: 3 working days before the decision (Oct 12, Sat Oct 10, Oct 9)
            "Task_DiagnoseFault,           2026-09-29T10:00, 2026-10-09",
            "Task_AuditFees,               2026-09-29T10:00, 2026-10-09",
            "Task_InvestigateServiceIssue, 2026-09-29T10:00, 2026-10-09",
            // ... once that is past, at the decision deadline
            "Task_DiagnoseFault,           2026-10-12T10:00, 2026-10-13",
            // 2 working days, the second a make-up Saturday
            "Task_ProposeResolution,       2026-10-08T10:00, 2026-10-10",
            "Task_ApproveProposal,         2026-10-08T10:00, 2026-10-10",
            // settlement answer, 7 calendar days, capped at the decision deadline
            "Task_NegotiateSettlement,     2026-10-09T10:00, 2026-10-13",
            "Task_ConfirmExecution,        2026-10-08T10:00, 2026-10-13",
            "Task_CloseComplaint,          2026-10-08T10:00, 2026-10-09",
            // a task the table does not name: 1 working day
            "Task_SomethingNew,            2026-10-08T10:00, 2026-10-09",
            // the decision deadline has passed: the task's own period, or a working day for investigation
            "Task_CloseComplaint,          2026-10-20T10:00, 2026-10-21",
            "Task_DiagnoseFault,           2026-10-14T10:00, 2026-10-15",
            "Task_HandleBreach,            2026-10-14T00:00, 2026-10-15",
    })
    void tasksAreDueByTheirRowOfTheScheduleNeverAfterTheDecisionDeadline(String key, String createdAt, String due) {
        registered(Channel.HOTLINE, "2026-09-28T10:00");

        DeadlineService.TaskDates dates = deadlines.datesOf(task(key, createdAt, null));

        assertThat(dates.dueAt()).isEqualTo(endOf(due));
        Instant created = shanghai(createdAt);
        assertThat(dates.followUpAt()).isEqualTo(created.plusMillis(Duration.between(created, dates.dueAt()).toMillis() / 2));
    }

    @Test
    void taskReminderIsThePercentOfTheWayFromCreationToDue() {
        registered(Channel.HOTLINE, "2026-09-28T10:00");
        Date due = Date.from(endOf("2026-09-29"));   // 37:59:59 after creation
        DelegateTask task = task("Task_TriageComplaint", "2026-09-28T10:00", due);

        assertThat(deadlines.taskReminderAt(task, 50)).isEqualTo(Date.from(shanghai("2026-09-29T04:59:59.500")));
        assertThat(deadlines.taskReminderAt(task, 80)).isEqualTo(Date.from(shanghai("2026-09-29T16:23:59.200")));
        assertThat(deadlines.taskReminderAt(task, 100)).isEqualTo(due);
    }

    @Test
    void taskReminderFromTheExecutionEnteringTheTaskMatchesTheTaskDueDate() {
        // a timeout listener's timer is created before its task: its expression sees the execution only
        registered(Channel.HOTLINE, "2026-09-28T10:00");
        engineClockAt("2026-09-28T10:00");
        DelegateExecution execution = execution(NUMBER, "HOTLINE");
        when(execution.getCurrentActivityId()).thenReturn("Task_TriageComplaint");

        assertThat(deadlines.taskReminderAt(execution, 50)).isEqualTo(Date.from(shanghai("2026-09-29T04:59:59.500")));
        assertThat(deadlines.taskReminderAt(task("Task_TriageComplaint", "2026-09-28T10:00", null), 50))
                .isEqualTo(Date.from(shanghai("2026-09-29T04:59:59.500")));
    }

    @Test
    void taskReminderRejectsAPercentOutside0To100() {
        assertThatThrownBy(() -> deadlines.taskReminderAt(task("Task_TriageComplaint", "2026-09-28T10:00", null), 120))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percent");
    }

    // ---- extensions ----

    @Test
    void anExtensionMovesTheDeadlineAndTellsTheComplainantWhy() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");

        Extension extension = deadlines.extend(NUMBER, 30, "  等待厂商检测报告 waiting for the manufacturer's test report ");

        assertThat(extension.oldDueAt()).isEqualTo(Date.from(endOf("2026-10-13")));
        assertThat(extension.newDueAt()).isEqualTo(Date.from(endOf("2026-11-12")));
        assertThat(extension.extraDays()).isEqualTo(30);
        assertThat(extension.extendedDaysInAll()).isEqualTo(30);
        assertThat(extension.reason()).isEqualTo("等待厂商检测报告 waiting for the manufacturer's test report");
        assertThat(complaint.getDecisionDueAt()).isEqualTo(endOf("2026-11-12"));
        assertThat(complaint.getExtendedDays()).isEqualTo(30);
        assertThat(complaint.getExtensionReason()).isEqualTo(extension.reason());
        verify(records).recordPublic(eq(complaint), eq(Milestone.DEADLINE_EXTENDED),
                contains("from 2026-10-13 to 2026-11-12: 等待厂商检测报告"));
    }

    @Test
    void extensionsMayReach60DaysFromRegistrationInAllAndNoMore() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        deadlines.extend(NUMBER, 30, "first");
        deadlines.extend(NUMBER, 15, "second");
        assertThat(complaint.getDecisionDueAt()).isEqualTo(endOf("2026-11-27"));   // registration + 60
        assertThat(complaint.getExtendedDays()).isEqualTo(45);

        assertThatThrownBy(() -> deadlines.extend(NUMBER, 1, "third"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("extensionDays");
                            assertThat(error.message()).contains("2026-11-28", "past 2026-11-27", "60 calendar days",
                                    "at most 0 more days");
                        }));
        assertThat(complaint.getDecisionDueAt()).isEqualTo(endOf("2026-11-27"));
    }

    @Test
    void aRegulatorForwardedComplaintHasTheSame60DaysInAll() {
        registered(Channel.REGULATOR, "2026-09-28T10:00");   // due Oct 5
        assertThat(deadlines.extend(NUMBER, 45, "complex").newDueAt()).isEqualTo(Date.from(endOf("2026-11-19")));

        assertThatThrownBy(() -> deadlines.extend(NUMBER, 9, "more"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 8 more days");
    }

    @ParameterizedTest(name = "{0} days")
    @CsvSource({"0", "-3", "46", "60"})
    void anExtensionIs1To45Days(int days) {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");

        assertThatThrownBy(() -> deadlines.extend(NUMBER, days, "reason"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
                        .extracting(InvalidInputException.FieldError::toString)
                        .containsExactly("extensionDays: must be between 1 and 45 days"));
        assertThat(complaint.getDecisionDueAt()).isEqualTo(endOf("2026-10-13"));
        verify(records, never()).recordPublic(any(), any(), anyString());
    }

    @Test
    void anExtensionNeedsAReason() {
        registered(Channel.HOTLINE, "2026-09-28T10:00");

        for (String missing : new String[] {null, "", "   \n"}) {
            assertThatThrownBy(() -> deadlines.extend(NUMBER, 10, missing))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
                            .extracting(InvalidInputException.FieldError::field).containsExactly("extensionReason"));
        }
        assertThatThrownBy(() -> deadlines.extend(NUMBER, 10, "x".repeat(2001)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("extensionReason: must be at most 2000");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> deadlines.extend(NUMBER, 0, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("extensionDays", "extensionReason"));
    }

    @Test
    void aClosedComplaintIsNotExtended() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        complaint.close(Outcome.EXPLAINED, RootCause.OTHER, "done", shanghai("2026-10-02T10:00"));

        assertThatThrownBy(() -> deadlines.extend(NUMBER, 10, "reason"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("complaintNumber: " + NUMBER + " is closed");
    }

    // ---- breaches ----

    @Test
    void aComplaintPastItsDeadlineIsMarkedBreachedOnce() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        engineClockAt("2026-10-14T00:00");

        assertThat(deadlines.markBreached(NUMBER)).isTrue();
        assertThat(deadlines.markBreached(NUMBER)).isTrue();

        assertThat(complaint.isDeadlineBreached()).isTrue();
        verify(records, times(1)).recordInternal(eq(complaint), eq(Milestone.DEADLINE_BREACHED), contains("2026-10-13"));
    }

    @Test
    void aComplaintWhoseDeadlineIsAheadIsNotMarked() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        engineClockAt("2026-10-13T23:00");

        assertThat(deadlines.markBreached(NUMBER)).isFalse();
        assertThat(complaint.isDeadlineBreached()).isFalse();
        verify(records, never()).recordInternal(any(), any(), anyString());
    }

    @Test
    void aClosedComplaintIsNotMarked() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        complaint.close(Outcome.EXPLAINED, RootCause.OTHER, "done", shanghai("2026-10-02T10:00"));
        engineClockAt("2026-10-20T00:00");

        assertThat(deadlines.markBreached(NUMBER)).isFalse();
        assertThat(complaint.isDeadlineBreached()).isFalse();
    }

    @Test
    void aComplaintWithItsFinalResponseOrInLegalProceedingsIsNotMarked() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        engineClockAt("2026-10-20T00:00");

        complaint.moveTo(ComplaintStatus.FINAL_RESPONSE_ISSUED);
        assertThat(deadlines.markBreached(NUMBER)).isFalse();
        complaint.moveTo(ComplaintStatus.IN_LEGAL_PROCEEDINGS);
        assertThat(deadlines.markBreached(NUMBER)).isFalse();
        assertThat(complaint.isDeadlineBreached()).isFalse();
    }

    @Test
    void aBreachStaysRecordedAfterALateExtension() {
        Complaint complaint = registered(Channel.HOTLINE, "2026-09-28T10:00");
        engineClockAt("2026-10-14T00:00");
        deadlines.markBreached(NUMBER);

        deadlines.extend(NUMBER, 10, "late but needed");

        assertThat(complaint.isDeadlineBreached()).isTrue();
        assertThat(complaint.getDecisionDueAt()).isEqualTo(endOf("2026-10-23"));
    }
}
