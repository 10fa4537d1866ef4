package com.complaintdesk.legal;

import static com.complaintdesk.complaint.LifecycleVariables.COMPLAINT_NUMBER;
import static com.complaintdesk.complaint.LifecycleVariables.LEGAL_FORUM;
import static com.complaintdesk.complaint.LifecycleVariables.LEGAL_INITIATED_BY;
import static com.complaintdesk.complaint.LifecycleVariables.LEGAL_NOTICE;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.config.StaffForm;
import com.complaintdesk.config.StaffPages;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.identity.Departments;
import jakarta.servlet.http.HttpServletRequest;
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
 */
@Controller
class LegalNoticePage {

    private static final Logger log = LoggerFactory.getLogger(LegalNoticePage.class);
    private static final String TITLE = "登记诉讼/仲裁通知 Register legal action";
    private static final Map<String, String> INITIATORS = new LinkedHashMap<>();
    private static final Map<String, String> FORUMS = new LinkedHashMap<>();

    static {
        INITIATORS.put(LegalCase.Initiator.COMPLAINANT.name(), "投诉人起诉/申请仲裁 The complainant took legal action");
        INITIATORS.put(LegalCase.Initiator.COMPANY.name(), "公司决定诉诸法律 The company goes to law");
        FORUMS.put(LegalCase.Forum.COURT.name(), "法院 Court");
        FORUMS.put(LegalCase.Forum.ARBITRATION.name(), "仲裁 Arbitration");
    }

    private final ComplaintRecords records;
    private final LegalActions legalActions;
    private final IdentityService identityService;

    LegalNoticePage(ComplaintRecords records, LegalActions legalActions, IdentityService identityService) {
        this.records = records;
        this.legalActions = legalActions;
        this.identityService = identityService;
    }

    @GetMapping("/staff/complaints/{number}/legal-action")
    ResponseEntity<String> form(@PathVariable String number) {
        if (StaffRequests.staffUser(identityService, Departments.OUTSIDE_NOTICES::contains) == null) {
            return forbidden();
        }
        return StaffPages.page(HttpStatus.OK, TITLE, render(records.get(number), StaffForm.of(null)));
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
                    form.choice(LEGAL_INITIATED_BY, LegalCase.Initiator.class), form.choice(LEGAL_FORUM, LegalCase.Forum.class),
                    form.text(LEGAL_NOTICE)));
        } catch (InvalidInputException e) {
            return StaffPages.page(HttpStatus.BAD_REQUEST, TITLE, render(complaint, form.withErrors(e)));
        } catch (MismatchingMessageCorrelationException e) {
            return StaffPages.page(HttpStatus.CONFLICT, TITLE, render(complaint, form.withErrors(InvalidInputException.of(COMPLAINT_NUMBER,
                    "cannot take legal action now: its process does not wait for it; nothing was recorded"))));
        }
        log.info("Legal action on complaint {} registered by {} ({}, {})", complaint.getComplaintNumber(), user,
                form.text(LEGAL_INITIATED_BY), form.text(LEGAL_FORUM));
        return StaffPages.page(HttpStatus.OK, TITLE,
                StaffPages.done("已登记，投诉 " + complaint.getComplaintNumber() + " 转入法律程序 Registered: the legal path has started for "
                        + complaint.getComplaintNumber() + ".")
                        + "<p>合规与法务部已在 Tasklist 中收到任务“评估索赔与风险 Assess the claim and exposure”。 "
                        + "Compliance &amp; legal has the task “评估索赔与风险 Assess the claim and exposure” in Tasklist.</p>\n"
                        + "<p>" + StaffPages.link("/camunda/app/tasklist/", "返回任务列表 Back to Tasklist") + "</p>\n");
    }

    private String render(Complaint complaint, StaffForm form) {
        return "<p>投诉 Complaint: <strong>" + htmlEscape(complaint.getComplaintNumber()) + "</strong> · 状态 Status: "
                + htmlEscape(complaint.getStatus().name()) + (complaint.getDepartment() == null ? "" : " · 承办 Department: "
                + htmlEscape(Departments.name(complaint.getDepartment()))) + "</p>\n"
                + "<p>登记后，投诉的常规处理即告中止，由合规与法务部按法律程序处理直至结案。 Once registered, the complaint's own handling "
                + "stops: compliance &amp; legal takes it through the legal proceedings to its close.</p>\n"
                + form.errorList()
                + "<form method=\"post\">\n"
                + form.radios(LEGAL_INITIATED_BY, "发起方 Initiated by", INITIATORS, true)
                + form.radios(LEGAL_FORUM, "程序 Forum", FORUMS, true)
                + form.textarea(LEGAL_NOTICE, "通知内容或决定 What the notice says, or what was decided", 4000, true,
                "如：法院/仲裁委名称、案号、收到日期 e.g. the court or commission, case number, date received")
                + "<p><button type=\"submit\">登记 Register</button></p></form>\n";
    }

    private static ResponseEntity<String> forbidden() {
        return StaffPages.forbidden(TITLE, Departments.OUTSIDE_NOTICES);
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound() {
        return StaffPages.refused(HttpStatus.NOT_FOUND, TITLE, "没有此投诉 No such complaint");
    }
}
