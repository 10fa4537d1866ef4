package com.complaintdesk.notification;

import com.complaintdesk.config.StaffTemplates;
import com.complaintdesk.config.StaffRequests;


import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.identity.ComplaintAccess;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.shared.BusinessTime;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /staff/notifications: the messages that did not go out. FAILED ones (every attempt used) and pending ones that have
 * failed at least once, each with its last error and a button to try it again now. HTTP Basic through Camunda's
 * filter (StaffAuthenticationConfiguration); members of a department group and Camunda administrators only, each
 * department seeing only the messages of the complaints it may see (ComplaintAccess), administrators all.
 * From templates/staff/notifications.html (Thymeleaf escapes every value), no script; phone numbers masked.
 */
@Controller
class StaffNotificationsPage {

    private static final Logger log = LoggerFactory.getLogger(StaffNotificationsPage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessTime.ZONE);
    private static final int ROWS = 200;

    private final OutboxRepository outbox;
    private final NotificationDispatcher dispatcher;
    private final IdentityService identityService;
    private final ComplaintAccess access;
    private final ComplaintRepository complaints;
    private final StaffTemplates pages;

    StaffNotificationsPage(OutboxRepository outbox, NotificationDispatcher dispatcher, IdentityService identityService,
                           ComplaintAccess access, ComplaintRepository complaints, StaffTemplates pages) {
        this.pages = pages;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.identityService = identityService;
        this.access = access;
        this.complaints = complaints;
    }

    /** Refused: not staff, or a form posted from another site (403). */
    static class StaffOnlyException extends RuntimeException {
        StaffOnlyException(String message) {
            super(message);
        }
    }

    @GetMapping("/staff/notifications")
    ResponseEntity<String> page(@RequestParam(name = "retried", required = false) Long retried,
                                @RequestParam(name = "busy", required = false) Long busy) {
        requireStaff();
        Predicate<OutboxMessage> visible = visibleToCurrentUser();
        List<Section> sections = List.of(
                new Section(pages.words("notifications.failed"), rows(outbox.findByStatusOrderByIdDesc(OutboxStatus.FAILED,
                        PageRequest.of(0, ROWS)).stream().filter(visible).toList())),
                new Section(pages.words("notifications.pending"), rows(outbox.findByStatusAndLastErrorIsNotNullOrderByIdDesc(
                        OutboxStatus.PENDING, PageRequest.of(0, ROWS)).stream().filter(visible).toList())));
        Map<String, Object> model = new HashMap<>();
        model.put("retried", retried);
        model.put("busy", busy);
        model.put("sections", sections);
        return pages.page(HttpStatus.OK, "notifications", model);
    }

    @PostMapping("/staff/notifications/{id}/retry")
    ResponseEntity<String> retry(@PathVariable long id, HttpServletRequest request) {
        String user = requireStaff();
        requireSameOrigin(request);
        if (!outbox.findById(id).map(visibleToCurrentUser()::test).orElse(true)) {
            throw new StaffOnlyException(pages.words("notifications.onlyComplaintsDepartments"));
        }
        boolean retried = dispatcher.retryNow(id);
        if (retried) {
            log.info("Notification {} set to be sent again by {}", id, user);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/staff/notifications?" + (retried ? "retried=" : "busy=") + id))
                .build();
    }

    @ExceptionHandler(StaffOnlyException.class)
    ResponseEntity<String> forbidden(StaffOnlyException e) {
        return pages.page(HttpStatus.FORBIDDEN, "message", Map.of("title", pages.words("staff.forbidden"), "error", e.getMessage()));
    }

    /**
     * Which messages the signed-in user may see: administrators all; a message about a complaint, those who may see the
     * complaint (ComplaintAccess: its department, customer service, complaint managers); a message about no complaint
     * (a reminder to staff), complaint managers.
     */
    private Predicate<OutboxMessage> visibleToCurrentUser() {
        List<String> groups = identityService.getCurrentAuthentication() == null || identityService.getCurrentAuthentication().getGroupIds() == null
                ? List.of() : identityService.getCurrentAuthentication().getGroupIds();
        if (groups.contains(Groups.CAMUNDA_ADMIN)) {
            return m -> true;
        }
        Map<Long, Boolean> seen = new HashMap<>();
        return m -> m.getComplaintId() == null ? groups.contains(Departments.COMPLAINT_MANAGERS)
                : seen.computeIfAbsent(m.getComplaintId(), id -> complaints.findById(id)
                        .map(complaint -> access.groupsFor(complaint).stream().anyMatch(groups::contains)).orElse(false));
    }

    /** A table of the page: its title and rows. */
    record Section(String title, List<Row> rows) {
    }

    /** One message as the page shows it: the recipient's phone number masked. */
    record Row(long id, String complaintNumber, String messageType, String channel, String recipient, int attempts,
               String lastError, String created, String nextAttempt) {
    }

    private static List<Row> rows(List<OutboxMessage> messages) {
        return messages.stream().map(m -> new Row(m.getId(), m.getComplaintNumber() == null ? "—" : m.getComplaintNumber(),
                m.getMessageType().name(), m.getChannel().name(),
                m.getChannel() == DeliveryChannel.SMS ? PhoneNumbers.mask(m.getRecipient()) : m.getRecipient(), m.getAttempts(),
                m.getLastError() == null ? "" : m.getLastError(), time(m.getCreatedAt()),
                m.getStatus() == OutboxStatus.FAILED ? "—" : time(m.getNextAttemptAt()))).toList();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private String requireStaff() {
        String user = StaffRequests.staffUser(identityService, g -> Departments.ALL.contains(g) || Groups.CAMUNDA_ADMIN.equals(g));
        if (user == null) {
            throw new StaffOnlyException(pages.words("notifications.onlyStaff"));
        }
        return user;
    }

    /** A form posted from another site with the browser's cached Basic credentials is refused (CSRF). */
    private void requireSameOrigin(HttpServletRequest request) {
        if (!StaffRequests.fromThisSite(request)) {
            throw new StaffOnlyException(pages.words("staff.fromThisSite"));
        }
    }

}
