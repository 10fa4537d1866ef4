package com.complaintdesk.deadline;

import com.complaintdesk.config.StaffRequests;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.identity.Departments;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /staff/complaints/{number}/extension: where an investigator asks for more time (Tasklist's forms cannot send a
 * message, so the investigation forms link here). Behind the staff HTTP Basic login; department staff only.
 */
@Controller
class ExtensionRequestPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private final ComplaintRecords records;
    private final Extensions extensions;
    private final IdentityService identityService;

    ExtensionRequestPage(ComplaintRecords records, Extensions extensions, IdentityService identityService) {
        this.records = records;
        this.extensions = extensions;
        this.identityService = identityService;
    }

    @GetMapping("/staff/complaints/{number}/extension")
    ResponseEntity<String> form(@PathVariable String number) {
        if (!isStaff()) {
            return page(HttpStatus.FORBIDDEN, "<p role=\"alert\">仅限部门员工 Department staff only</p>");
        }
        return page(HttpStatus.OK, render(complaint(number), null));
    }

    @PostMapping("/staff/complaints/{number}/extension")
    ResponseEntity<String> request(@PathVariable String number, jakarta.servlet.http.HttpServletRequest http, @RequestParam(name = "extensionDays", required = false) Integer days,
                                   @RequestParam(name = "extensionReason", required = false) String reason) {
        if (!isStaff() || !StaffRequests.fromThisSite(http)) {
            return page(HttpStatus.FORBIDDEN, "<p role=\"alert\">仅限本站的部门员工 Department staff, from this site only</p>");
        }
        Complaint complaint = complaint(number);
        String holder = complaint.getDepartment() != null ? complaint.getDepartment() : Departments.CUSTOMER_SERVICE; // not yet routed
        if (StaffRequests.staffUser(identityService, g -> g.equals(holder) || g.equals(Departments.COMPLAINT_MANAGERS)) == null) {
            return page(HttpStatus.FORBIDDEN, "<p role=\"alert\">仅限承办部门或投诉主管 Only the complaint's department or complaint managers</p>");
        }
        try {
            extensions.request(complaint.getComplaintNumber(), days, reason);
        } catch (InvalidInputException e) {
            return page(HttpStatus.BAD_REQUEST, render(complaint, e.getMessage()));
        }
        return page(HttpStatus.OK, "<p role=\"status\">已提交，等待投诉主管审批 Sent: a complaint manager decides in Tasklist.</p>"
                + "<p><a href=\"/camunda/app/tasklist/\">返回任务列表 Back to Tasklist</a></p>");
    }

    private String render(Complaint complaint, String error) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>申请延期 Request an extension: ").append(htmlEscape(complaint.getComplaintNumber())).append("</h1>");
        if (complaint.getDecisionDueAt() != null) {
            html.append("<p>当前决定期限 Current decision deadline: ").append(DAY.format(complaint.getDecisionDueAt())).append("</p>");
        }
        if (error != null) {
            html.append("<p role=\"alert\" style=\"color:#b00\">").append(htmlEscape(error)).append("</p>");
        }
        html.append("<form method=\"post\">")
                .append("<p><label for=\"extensionDays\">延长天数 Extra days (1–45)</label><br>")
                .append("<input id=\"extensionDays\" name=\"extensionDays\" type=\"number\" min=\"1\" max=\"45\" required></p>")
                .append("<p><label for=\"extensionReason\">理由（将告知投诉人） Reason (the complainant is told)</label><br>")
                .append("<textarea id=\"extensionReason\" name=\"extensionReason\" rows=\"4\" cols=\"60\" maxlength=\"2000\" required></textarea></p>")
                .append("<p><button type=\"submit\">提交 Send</button></p></form>");
        return html.toString();
    }

    private Complaint complaint(String number) {
        return records.get(number);
    }

    private boolean isStaff() {
        return StaffRequests.staffUser(identityService, Departments.ALL::contains) != null;
    }

    private static ResponseEntity<String> page(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .body("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>申请延期 Extension</title>"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>" + body + "</body></html>");
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound() {
        return page(HttpStatus.NOT_FOUND, "<p role=\"alert\">没有此投诉 No such complaint</p>");
    }
}
