package com.complaintdesk.notification;

import com.complaintdesk.config.StaffPages;
import com.complaintdesk.config.StaffRequests;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

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
 * Server-rendered, every value HTML-escaped, no script; phone numbers masked.
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

    StaffNotificationsPage(OutboxRepository outbox, NotificationDispatcher dispatcher, IdentityService identityService,
                           ComplaintAccess access, ComplaintRepository complaints) {
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
        StringBuilder body = new StringBuilder();
        body.append("<div aria-live=\"polite\">");
        if (retried != null) {
            body.append("<p class=\"notice\" role=\"status\">消息 ").append(retried).append(" 将立即重新发送 Message ")
                    .append(retried).append(" will be sent again now.</p>");
        }
        if (busy != null) {
            body.append("<p class=\"error\" role=\"alert\">消息 ").append(busy).append(" 已发送或正在发送 Message ").append(busy)
                    .append(" is sent already or being sent.</p>");
        }
        body.append("</div>\n");
        body.append("<p>发送失败的通知会自动重试；用完全部尝试后状态为 FAILED，需人工重试。 Notifications that could not be sent are "
                + "retried automatically; once every attempt is used they are FAILED and wait for you to retry them.</p>\n");
        Predicate<OutboxMessage> visible = visibleToCurrentUser();
        table(body, "失败 Failed", outbox.findByStatusOrderByIdDesc(OutboxStatus.FAILED, PageRequest.of(0, ROWS))
                .stream().filter(visible).toList());
        table(body, "重试中 Pending after errors",
                outbox.findByStatusAndLastErrorIsNotNullOrderByIdDesc(OutboxStatus.PENDING, PageRequest.of(0, ROWS))
                        .stream().filter(visible).toList());
        return StaffPages.html(HttpStatus.OK, shell("通知发送问题 Notifications not sent", body.toString()));
    }

    @PostMapping("/staff/notifications/{id}/retry")
    ResponseEntity<String> retry(@PathVariable long id, HttpServletRequest request) {
        String user = requireStaff();
        requireSameOrigin(request);
        if (!outbox.findById(id).map(visibleToCurrentUser()::test).orElse(true)) {
            throw new StaffOnlyException("仅限该投诉的承办部门、客户服务部和投诉主管 Only the complaint's department, customer service and complaint managers");
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
        return StaffPages.html(HttpStatus.FORBIDDEN, shell("无权访问 Forbidden", "<p role=\"alert\">" + htmlEscape(e.getMessage()) + "</p>"));
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

    private static void table(StringBuilder body, String title, List<OutboxMessage> rows) {
        body.append("<h2>").append(htmlEscape(title)).append(" (").append(rows.size()).append(")</h2>\n");
        if (rows.isEmpty()) {
            body.append("<p>无 None.</p>\n");
            return;
        }
        body.append("<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">投诉 Complaint</th><th scope=\"col\">消息 Message</th>"
                + "<th scope=\"col\">渠道 Channel</th><th scope=\"col\">收件人 Recipient</th><th scope=\"col\">尝试 Attempts</th>"
                + "<th scope=\"col\">最后错误 Last error</th><th scope=\"col\">创建 Created</th><th scope=\"col\">下次尝试 Next attempt</th>"
                + "<th scope=\"col\"></th></tr></thead><tbody>\n");
        for (OutboxMessage m : rows) {
            String recipient = m.getChannel() == DeliveryChannel.SMS ? PhoneNumbers.mask(m.getRecipient()) : m.getRecipient();
            body.append("<tr><td>").append(m.getId())
                    .append("</td><td class=\"nowrap\">").append(htmlEscape(m.getComplaintNumber() == null ? "—" : m.getComplaintNumber()))
                    .append("</td><td>").append(htmlEscape(m.getMessageType().name()))
                    .append("</td><td>").append(htmlEscape(m.getChannel().name()))
                    .append("</td><td>").append(htmlEscape(recipient))
                    .append("</td><td>").append(m.getAttempts())
                    .append("</td><td><code>").append(htmlEscape(m.getLastError() == null ? "" : m.getLastError()))
                    .append("</code></td><td>").append(time(m.getCreatedAt()))
                    .append("</td><td>").append(m.getStatus() == OutboxStatus.FAILED ? "—" : time(m.getNextAttemptAt()))
                    .append("</td><td><form method=\"post\" action=\"/staff/notifications/").append(m.getId())
                    .append("/retry\"><button type=\"submit\">立即重试 Retry now</button></form></td></tr>\n");
        }
        body.append("</tbody></table>\n");
    }

    private static String time(Instant instant) {
        return instant == null ? "" : htmlEscape(TIME.format(instant));
    }

    private String requireStaff() {
        String user = StaffRequests.staffUser(identityService, g -> Departments.ALL.contains(g) || Groups.CAMUNDA_ADMIN.equals(g));
        if (user == null) {
            throw new StaffOnlyException("仅限各部门员工和管理员 Only members of a department, complaint-managers and administrators");
        }
        return user;
    }

    /** A form posted from another site with the browser's cached Basic credentials is refused (CSRF). */
    private static void requireSameOrigin(HttpServletRequest request) {
        if (!StaffRequests.fromThisSite(request)) {
            throw new StaffOnlyException("表单须从本站提交 The form must be sent from this site");
        }
    }

    private static String shell(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + htmlEscape(title) + "</title>"
                + "<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:1rem auto;max-width:80rem;padding:0 1rem;line-height:1.5}"
                + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}"
                + "code{font-size:.75rem;word-break:break-all}.nowrap{white-space:nowrap}.error{color:#a40000;font-weight:bold}.notice{color:#05620b;font-weight:bold}"
                + "</style></head>\n<body><main>\n<h1>" + htmlEscape(title) + "</h1>\n" + body + "</main></body></html>\n";
    }
}
