package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.config.StaffForm;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.config.StaffTemplates;
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
 * message, so the investigation forms link here). Behind the staff HTTP Basic login; department staff only. The page is
 * templates/staff/extension.html.
 */
@Controller
class ExtensionRequestPage {

    private static final String TITLE = "extension.title";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessTime.ZONE);

    private final ComplaintRecords records;
    private final Extensions extensions;
    private final IdentityService identityService;
    private final ComplaintAccess access;
    private final StaffTemplates pages;

    ExtensionRequestPage(ComplaintRecords records, Extensions extensions, IdentityService identityService, ComplaintAccess access,
                         StaffTemplates pages) {
        this.pages = pages;
        this.records = records;
        this.extensions = extensions;
        this.identityService = identityService;
        this.access = access;
    }

    @GetMapping("/staff/complaints/{number}/extension")
    ResponseEntity<String> form(@PathVariable String number) {
        if (!isStaff()) {
            return pages.refused(HttpStatus.FORBIDDEN, TITLE, "staff.departmentStaffOnly");
        }
        Complaint complaint = complaint(number);
        if (!access.currentUserMaySee(complaint)) {
            return pages.refused(HttpStatus.FORBIDDEN, TITLE, "staff.complaintsDepartmentsOnly");
        }
        return render(HttpStatus.OK, complaint, StaffForm.of(null));
    }

    @PostMapping("/staff/complaints/{number}/extension")
    ResponseEntity<String> request(@PathVariable String number, jakarta.servlet.http.HttpServletRequest http, @RequestParam(name = "extensionDays", required = false) Integer days,
                                   @RequestParam(name = "extensionReason", required = false) String reason) {
        if (!isStaff() || !StaffRequests.fromThisSite(http)) {
            return pages.refused(HttpStatus.FORBIDDEN, TITLE, "staff.departmentStaffFromThisSite");
        }
        Complaint complaint = complaint(number);
        String holder = complaint.getDepartment() != null ? complaint.getDepartment() : Departments.CUSTOMER_SERVICE; // not yet routed
        if (StaffRequests.staffUser(identityService, g -> g.equals(holder) || g.equals(Departments.COMPLAINT_MANAGERS)) == null) {
            return pages.refused(HttpStatus.FORBIDDEN, TITLE, "staff.complaintsDepartmentOrManagers");
        }
        try {
            extensions.request(complaint.getComplaintNumber(), days, reason);
        } catch (InvalidInputException e) {
            Map<String, String> entered = new HashMap<>();
            entered.put(Lifecycle.EXTENSION_DAYS.name(), days == null ? "" : days.toString());
            entered.put(Lifecycle.EXTENSION_REASON.name(), reason == null ? "" : reason);
            return render(HttpStatus.BAD_REQUEST, complaint, StaffForm.of(entered).withErrors(e));
        }
        return pages.page(HttpStatus.OK, "extension", Map.of("sent", true));
    }

    private ResponseEntity<String> render(HttpStatus status, Complaint complaint, StaffForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("sent", false);
        model.put("number", complaint.getComplaintNumber());
        model.put("due", complaint.getDecisionDueAt() == null ? null : DAY.format(complaint.getDecisionDueAt()));
        model.put("form", form);
        return pages.page(status, "extension", model);
    }

    private Complaint complaint(String number) {
        return records.get(number);
    }

    private boolean isStaff() {
        return StaffRequests.staffUser(identityService, Departments.ALL::contains) != null;
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound() {
        return pages.refused(HttpStatus.NOT_FOUND, TITLE, "staff.noSuchComplaint");
    }
}
