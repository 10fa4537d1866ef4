package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import com.complaintdesk.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deadlines in the running application: registration through the intake service gives the record its decision
 * deadline and the triage task its due and follow-up dates (the task-create listener); the deployed table is
 * evaluated whoever acts; extensions are stored; health shows the calendar's state. Registration happens now (the
 * application's clock), so expectations are computed with the calendar bean and checked for their shape.
 */
@ComplaintDeskSpringTest
class DeadlinesApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired BusinessCalendar calendar;
    @Autowired DeadlineService deadlines;
    @Autowired DeadlinePeriods periods;
    @LocalServerPort int port;

    private Complaint register(Channel channel) {
        IntakeService.Registered registered = intake.register(new ComplaintRegistration(channel, "赵六", "13900139000", null,
                "M-" + System.nanoTime(), null, Category.SERVICE_QUALITY, false, "客服未回电 no call-back as promised", null,
                List.of()));
        return records.get(registered.complaint().getComplaintNumber());
    }

    private Task triageOf(Complaint complaint) {
        return taskService.createTaskQuery().processInstanceBusinessKey(complaint.getComplaintNumber())
                .taskDefinitionKey("Task_TriageComplaint").singleResult();
    }

    @Test
    void registrationSetsTheDecisionDeadlineAndTheTriageTaskIsDueOneWorkingDayLater() {
        Complaint complaint = register(Channel.HOTLINE);

        Instant registeredAt = complaint.getRegisteredAt();
        assertThat(complaint.getDecisionDueAt()).isEqualTo(calendar.plusCalendarDays(registeredAt, 15));
        assertThat(BusinessCalendar.dateOf(complaint.getDecisionDueAt())).isEqualTo(BusinessCalendar.dateOf(registeredAt).plusDays(15));
        assertThat(complaint.getDecisionDueAt().atZone(BusinessTime.ZONE).toLocalTime()).isEqualTo(BusinessCalendar.END_OF_DAY);

        Task triage = triageOf(complaint);
        Instant due = triage.getDueDate().toInstant();
        assertThat(due).isEqualTo(calendar.plusWorkingDays(registeredAt, 1));
        assertThat(calendar.isWorkingDay(BusinessCalendar.dateOf(due))).isTrue();
        assertThat(due).isAfter(registeredAt).isBefore(complaint.getDecisionDueAt());
        Instant created = triage.getCreateTime().toInstant();
        assertThat(triage.getFollowUpDate().toInstant())
                .isCloseTo(created.plus(Duration.between(created, due).dividedBy(2)), org.assertj.core.api.Assertions.within(Duration.ofMillis(1)));

        assertThat(taskService.getVariableLocal(triage.getId(), "complaintSummary").toString())
                .contains("决定期限 Decision due: " + BusinessCalendar.dateOf(complaint.getDecisionDueAt()));
    }

    @Test
    void aRegulatorForwardedComplaintIsDueIn7CalendarDays() {
        Complaint complaint = register(Channel.REGULATOR);

        assertThat(complaint.getDecisionDueAt()).isEqualTo(calendar.plusCalendarDays(complaint.getRegisteredAt(), 7));
        assertThat(triageOf(complaint).getDueDate().toInstant()).isBeforeOrEqualTo(complaint.getDecisionDueAt());
    }

    @Test
    void anExtensionIsStoredAndOnThePublicTimeline() {
        Complaint complaint = register(Channel.ONLINE);
        Instant before = complaint.getDecisionDueAt();

        Extension extension = deadlines.extend(complaint.getComplaintNumber(), 10, "需要现场检测 an on-site test is needed");

        Complaint extended = records.get(complaint.getComplaintNumber());
        assertThat(extension.oldDueAt().toInstant()).isEqualTo(before);
        assertThat(extended.getDecisionDueAt()).isEqualTo(extension.newDueAt().toInstant())
                .isEqualTo(calendar.plusCalendarDays(before, 10));
        assertThat(extended.getExtendedDays()).isEqualTo(10);
        assertThat(extended.getExtensionReason()).isEqualTo("需要现场检测 an on-site test is needed");
        assertThat(records.timelineOf(extended)).filteredOn(e -> e.getMilestone() == Milestone.DEADLINE_EXTENDED)
                .singleElement().satisfies(e -> assertThat(e.isPublicEntry()).isTrue());

        assertThatThrownBy(() -> deadlines.extend(complaint.getComplaintNumber(), 40, "too long in all"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("extensionDays");
        assertThat(records.get(complaint.getComplaintNumber()).getDecisionDueAt()).isEqualTo(extended.getDecisionDueAt());
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

    @Test
    void healthShowsTheCalendarComponentAndStaysUp() throws Exception {
        HttpResponse<String> response = Http.on(port).get("/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/businessCalendar/status").asText())
                .isEqualTo(calendar.missingYears().isEmpty() ? "UP" : "WARNING");
        assertThat(response.body()).doesNotContain("missingYears");

        HttpResponse<String> readiness = Http.on(port).get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("components").has("businessCalendar")).isFalse();
    }
}
