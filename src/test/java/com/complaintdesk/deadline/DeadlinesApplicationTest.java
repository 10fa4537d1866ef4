package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deadlines in the running application: registration through the intake service gives the record its decision
 * deadline and the triage task its due and follow-up dates (the task-create listener); the deployed table is
 * evaluated whoever acts; extensions are stored; health shows the calendar's state. The application's clock and the
 * engine's are pinned (TestClock), and every expected date is written by hand from the 2026 calendar (State Council
 * notice of 2025-11-04: Spring Festival 15-23 February, Saturday 14 February a make-up working day). The processes a
 * test starts are deleted after it, so no reminder or timer of a pinned day fires later in the shared context.
 */
@ComplaintDeskSpringTest
class DeadlinesApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired DeadlineService deadlines;
    @Autowired DeadlinePeriods periods;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    private final List<String> registered = new ArrayList<>();

    @AfterEach
    void releaseTheClockAndEndTheComplaints() {
        clock.release();
        registered.forEach(number -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over: pinned dates", true)));
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessTime.ZONE).toInstant();
    }

    private Complaint register(Channel channel, String at) {
        clock.pinAt(at);
        IntakeService.Registered filed = intake.register(new ComplaintRegistration(channel, "赵六", "13900139000", null,
                "M-" + TestIds.digits(), null, Category.SERVICE_QUALITY, false, "客服未回电 no call-back as promised", null,
                List.of()));
        registered.add(filed.complaint().getComplaintNumber());
        return records.get(filed.complaint().getComplaintNumber());
    }

    private Task triageOf(Complaint complaint) {
        return taskService.createTaskQuery().processInstanceBusinessKey(complaint.getComplaintNumber())
                .taskDefinitionKey("Task_TriageComplaint").singleResult();
    }

    @Test
    void registrationSetsTheDecisionDeadlineAndTheTriageTaskIsDueOneWorkingDayLater() {
        Complaint complaint = register(Channel.HOTLINE, "2026-11-26T10:00");  // a Thursday

        assertThat(complaint.getRegisteredAt()).isEqualTo(shanghai("2026-11-26T10:00"));
        assertThat(complaint.getDecisionDueAt()).isEqualTo(shanghai("2026-12-11T23:59:59"));  // 15 calendar days

        Task triage = triageOf(complaint);
        assertThat(triage.getCreateTime().toInstant()).isEqualTo(shanghai("2026-11-26T10:00"));
        assertThat(triage.getDueDate().toInstant()).isEqualTo(shanghai("2026-11-27T23:59:59"));  // Friday
        // halfway between 26 November 10:00 and 27 November 23:59:59
        assertThat(triage.getFollowUpDate().toInstant()).isCloseTo(shanghai("2026-11-27T04:59:59.500"), within(Duration.ofMillis(1)));

        assertThat(taskService.getVariableLocal(triage.getId(), "complaintSummary").toString())
                .contains("决定期限 Decision due: 2026-12-11");
    }

    @Test
    void beforeTheSpringFestivalTheTriageTaskIsDueOnTheMakeUpSaturday() {
        Complaint complaint = register(Channel.HOTLINE, "2026-02-13T10:00");  // Friday before the holiday

        assertThat(complaint.getDecisionDueAt()).isEqualTo(shanghai("2026-02-28T23:59:59"));
        assertThat(triageOf(complaint).getDueDate().toInstant()).isEqualTo(shanghai("2026-02-14T23:59:59"));
    }

    @Test
    void aRegulatorForwardedComplaintIsDueIn7CalendarDays() {
        Complaint complaint = register(Channel.REGULATOR, "2026-11-26T10:00");

        assertThat(complaint.getDecisionDueAt()).isEqualTo(shanghai("2026-12-03T23:59:59"));
        assertThat(triageOf(complaint).getDueDate().toInstant()).isEqualTo(shanghai("2026-11-27T23:59:59"));
    }

    @Test
    void anExtensionIsStoredAndOnThePublicTimeline() {
        Complaint complaint = register(Channel.ONLINE, "2026-11-26T10:00");
        assertThat(complaint.getDecisionDueAt()).isEqualTo(shanghai("2026-12-11T23:59:59"));

        Extension extension = deadlines.extend(complaint.getComplaintNumber(), 10, "需要现场检测 an on-site test is needed");

        Complaint extended = records.get(complaint.getComplaintNumber());
        assertThat(extension.oldDueAt().toInstant()).isEqualTo(shanghai("2026-12-11T23:59:59"));
        assertThat(extension.newDueAt().toInstant()).isEqualTo(shanghai("2026-12-21T23:59:59"));
        assertThat(extended.getDecisionDueAt()).isEqualTo(shanghai("2026-12-21T23:59:59"));
        assertThat(extended.getExtendedDays()).isEqualTo(10);
        assertThat(extended.getExtensionReason()).isEqualTo("需要现场检测 an on-site test is needed");
        assertThat(records.timelineOf(extended)).filteredOn(e -> e.getMilestone() == Milestone.DEADLINE_EXTENDED)
                .singleElement().satisfies(e -> assertThat(e.isPublicEntry()).isTrue());

        // 10 + 40 = 50 days of extension would put the decision past 60 days from registration
        assertThatThrownBy(() -> deadlines.extend(complaint.getComplaintNumber(), 40, "too long in all"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("extensionDays");
        assertThat(records.get(complaint.getComplaintNumber()).getDecisionDueAt()).isEqualTo(shanghai("2026-12-21T23:59:59"));
    }

    @Test
    void theDeployedTableIsEvaluatedForAUserWithNoRightOnIt() {
        identityService.setAuthentication("wang.fang", List.of("customer-service"));
        try {
            assertThat(periods.lengthOf(DeadlinePeriod.DECISION, new DeadlineFacts("REGULATOR", null, null)))
                    .isEqualTo(new PeriodLength(7, DayUnit.CALENDAR));
            assertThat(periods.lengthOf(DeadlinePeriod.EVIDENCE_EXPIRY, new DeadlineFacts("HOTLINE", "HIGH", "FEE_DISPUTE")))
                    .isEqualTo(new PeriodLength(10, DayUnit.WORKING));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The shipped calendar has 2026 only, so the application's health is WARNING on any day: in 2026 for want of 2027,
     * in 2027 for want of both. The UP branch (current and next year covered) is BusinessCalendarHealthIndicatorTest's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T10:00", "2027-03-01T10:00"})
    void healthWarnsOfAMissingYearAndStaysUp(String at) throws Exception {
        clock.pinAt(at);
        HttpResponse<String> response = Http.on(port).get("/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/businessCalendar/status").asText()).isEqualTo("WARNING");
        assertThat(response.body()).doesNotContain("missingYears");

        HttpResponse<String> readiness = Http.on(port).get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("components").has("businessCalendar")).isFalse();
    }
}
