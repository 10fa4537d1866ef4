package com.complaintdesk.legal;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.config.StaffForm;
import com.complaintdesk.config.StaffTemplates;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.identity.Departments;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /staff/complaints/{number}/legal-action: a court summons or an arbitration notice that came on paper, or
 * compliance-legal's decision to go to law, registered by the front desk (which receives the post), compliance-legal
 * or a complaint manager. LegalActions sends LegalActionFiled: the complaint's handling stops and legal-proceedings
 * starts, with compliance-legal's first task in Tasklist. Behind the staff HTTP Basic login; forms from this site only.
 * The page is templates/staff/legal-action.html.
 */
@Controller
class LegalNoticePage {

    private static final Logger log = LoggerFactory.getLogger(LegalNoticePage.class);
    private static final String TITLE = "legal.title";

    private final ComplaintRecords records;
    private final LegalActions legalActions;
    private final IdentityService identityService;
    private final StaffTemplates pages;

    LegalNoticePage(ComplaintRecords records, LegalActions legalActions, IdentityService identityService, StaffTemplates pages) {
        this.pages = pages;
        this.records = records;
        this.legalActions = legalActions;
        this.identityService = identityService;
    }

    @GetMapping("/staff/complaints/{number}/legal-action")
    ResponseEntity<String> form(@PathVariable String number) {
        if (StaffRequests.staffUser(identityService, Departments.OUTSIDE_NOTICES::contains) == null) {
            return forbidden();
        }
        return render(HttpStatus.OK, records.get(number), StaffForm.of(null));
    }

    @PostMapping("/staff/complaints/{number}/legal-action")
    ResponseEntity<String> register(@PathVariable String number, HttpServletRequest request, @RequestParam Map<String, String> entered) {
        String user = StaffRequests.staffUser(identityService, Departments.OUTSIDE_NOTICES::contains);
        if (user == null || !StaffRequests.fromThisSite(request)) {
            return forbidden();
        }
        Complaint complaint = records.get(number);
        StaffForm form = StaffForm.of(entered);
        try {
            legalActions.file(complaint.getComplaintNumber(), new LegalActions.LegalNotice(
                    form.choice(LegalVariables.LEGAL_INITIATED_BY.name(), LegalCase.Initiator.class), form.choice(LegalVariables.LEGAL_FORUM.name(), LegalCase.Forum.class),
                    form.text(LegalVariables.LEGAL_NOTICE.name())));
        } catch (InvalidInputException e) {
            return render(HttpStatus.BAD_REQUEST, complaint, form.withErrors(e));
        } catch (MismatchingMessageCorrelationException e) {
            return render(HttpStatus.CONFLICT, complaint, form.withErrors(InvalidInputException.of(Lifecycle.COMPLAINT_NUMBER.name(),
                    "cannot take legal action now: its process does not wait for it; nothing was recorded")));
        }
        log.info("Legal action on complaint {} registered by {} ({}, {})", complaint.getComplaintNumber(), user,
                form.text(LegalVariables.LEGAL_INITIATED_BY.name()), form.text(LegalVariables.LEGAL_FORUM.name()));
        return pages.page(HttpStatus.OK, "legal-action", Map.of("registered", true, "number", complaint.getComplaintNumber()));
    }

    private ResponseEntity<String> render(HttpStatus status, Complaint complaint, StaffForm form) {
        Map<String, String> initiators = new LinkedHashMap<>();
        for (LegalCase.Initiator initiator : LegalCase.Initiator.values()) {
            initiators.put(initiator.name(), pages.words("legal.initiator." + initiator.name()));
        }
        Map<String, String> forums = new LinkedHashMap<>();
        for (LegalCase.Forum forum : LegalCase.Forum.values()) {
            forums.put(forum.name(), pages.words("legal.forum." + forum.name()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("registered", false);
        model.put("number", complaint.getComplaintNumber());
        model.put("status", complaint.getStatus().label());
        model.put("department", complaint.getDepartment() == null ? null : Departments.name(complaint.getDepartment()));
        model.put("form", form);
        model.put("initiators", initiators);
        model.put("forums", forums);
        return pages.page(status, "legal-action", model);
    }

    private ResponseEntity<String> forbidden() {
        return pages.forbidden(TITLE, Departments.OUTSIDE_NOTICES);
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound() {
        return pages.refused(HttpStatus.NOT_FOUND, TITLE, "staff.noSuchComplaint");
    }
}
