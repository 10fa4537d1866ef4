package com.complaintdesk.deadline;

import com.complaintdesk.config.StaffForm;
import com.complaintdesk.config.StaffPages;
import com.complaintdesk.config.StaffRequests;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.identity.ComplaintAccess;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.shared.BusinessTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
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

    private static final String TITLE = "申请延期 Request an extension";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE);

    private final ComplaintRecords records;
    private final Extensions extensions;
    private final IdentityService identityService;
    private final ComplaintAccess access;

    ExtensionRequestPage(ComplaintRecords records, Extensions extensions, IdentityService identityService, ComplaintAccess access) {
        this.records = records;
        this.extensions = extensions;
        this.identityService = identityService;
        this.access = access;
    }

    @GetMapping("/staff/complaints/{number}/extension")
    ResponseEntity<String> form(@PathVariable String number) {
        if (!isStaff()) {
            return StaffPages.refused(HttpStatus.FORBIDDEN, TITLE, "仅限部门员工 Department staff only");
        }
        Complaint complaint = complaint(number);
        if (!access.currentUserMaySee(complaint)) {
            return StaffPages.refused(HttpStatus.FORBIDDEN, TITLE, "仅限承办部门、客户服务部和投诉主管 Only the complaint's department, "
                    + "customer service and complaint managers");
        }
        return StaffPages.page(HttpStatus.OK, TITLE, render(complaint, StaffForm.of(null)));
    }

    @PostMapping("/staff/complaints/{number}/extension")
    ResponseEntity<String> request(@PathVariable String number, jakarta.servlet.http.HttpServletRequest http, @RequestParam(name = "extensionDays", required = false) Integer days,
                                   @RequestParam(name = "extensionReason", required = false) String reason) {
        if (!isStaff() || !StaffRequests.fromThisSite(http)) {
            return StaffPages.refused(HttpStatus.FORBIDDEN, TITLE, "仅限本站的部门员工 Department staff, from this site only");
        }
        Complaint complaint = complaint(number);
        String holder = complaint.getDepartment() != null ? complaint.getDepartment() : Departments.CUSTOMER_SERVICE; // not yet routed
        if (StaffRequests.staffUser(identityService, g -> g.equals(holder) || g.equals(Departments.COMPLAINT_MANAGERS)) == null) {
            return StaffPages.refused(HttpStatus.FORBIDDEN, TITLE, "仅限承办部门或投诉主管 Only the complaint's department or complaint managers");
        }
        try {
            extensions.request(complaint.getComplaintNumber(), days, reason);
        } catch (InvalidInputException e) {
            Map<String, String> entered = new HashMap<>();
            entered.put(DeadlineService.EXTENSION_DAYS, days == null ? "" : days.toString());
            entered.put(DeadlineService.EXTENSION_REASON, reason == null ? "" : reason);
            return StaffPages.page(HttpStatus.BAD_REQUEST, TITLE, render(complaint, StaffForm.of(entered).withErrors(e)));
        }
        return StaffPages.page(HttpStatus.OK, TITLE, StaffPages.done("已提交，等待投诉主管审批 Sent: a complaint manager decides in Tasklist.")
                + "<p>" + StaffPages.link("/camunda/app/tasklist/", "返回任务列表 Back to Tasklist") + "</p>\n");
    }

    private String render(Complaint complaint, StaffForm form) {
        StringBuilder html = new StringBuilder();
        html.append("<p>投诉 Complaint: <strong>").append(htmlEscape(complaint.getComplaintNumber())).append("</strong></p>\n");
        if (complaint.getDecisionDueAt() != null) {
            html.append("<p>当前决定期限 Current decision deadline: ").append(DAY.format(complaint.getDecisionDueAt())).append("</p>\n");
        }
        html.append(form.errorList())
                .append("<form method=\"post\">\n")
                .append(form.input(DeadlineService.EXTENSION_DAYS, "延长天数 Extra days (1–45)", "number", "min=\"1\" max=\"45\"", true, null))
                .append(form.textarea(DeadlineService.EXTENSION_REASON, "理由（将告知投诉人） Reason (the complainant is told)", 2000, true, null))
                .append("<p><button type=\"submit\">提交 Send</button></p></form>\n");
        return html.toString();
    }

    private Complaint complaint(String number) {
        return records.get(number);
    }

    private boolean isStaff() {
        return StaffRequests.staffUser(identityService, Departments.ALL::contains) != null;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound() {
        return StaffPages.refused(HttpStatus.NOT_FOUND, TITLE, "没有此投诉 No such complaint");
    }
}
