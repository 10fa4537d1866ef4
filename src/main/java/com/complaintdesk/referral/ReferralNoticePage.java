package com.complaintdesk.referral;

import static com.complaintdesk.complaint.LifecycleVariables.COMPLAINT_NUMBER;
import static com.complaintdesk.complaint.LifecycleVariables.REFERRAL_RECEIVED_ON;
import static com.complaintdesk.complaint.LifecycleVariables.REFERRAL_SUMMARY;
import static com.complaintdesk.complaint.LifecycleVariables.REGULATOR;
import static com.complaintdesk.complaint.LifecycleVariables.REGULATOR_REFERENCE;
import static com.complaintdesk.complaint.LifecycleVariables.RESPONSE_DUE_ON;
import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.config.StaffForm;
import com.complaintdesk.config.StaffPages;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.intake.ComplaintRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /staff/referrals/new: a regulator's referral that came on paper (PBoC 12363, SAMR 12315, NFRA or another), registered
 * by the front desk, compliance-legal or a complaint manager. With a complaint number it is a referral of a complaint we
 * have (a closed one gets a follow-up complaint); without, the regulator forwards a complaint we never saw, registered
 * here with channel REGULATOR. Either way Referrals starts the answer to the regulator (regulator-referral), whose first
 * task, with the dossier, waits for compliance-legal in Tasklist. Behind the staff HTTP Basic login; forms from this
 * site only. Referrals checks everything in one transaction: a refused form writes nothing.
 */
@Controller
class ReferralNoticePage {

    private static final Logger log = LoggerFactory.getLogger(ReferralNoticePage.class);
    private static final String TITLE = "登记监管转办 Register a regulator referral";
    // the fields of a forwarded complaint: ComplaintRegistration's names, which its errors use
    private static final String NAME = "complainantName";
    private static final String PHONE = "complainantPhone";
    private static final String EMAIL = "complainantEmail";
    private static final String MERCHANT = "merchantId";
    private static final String TERMINAL = "terminalSerial";
    private static final String CATEGORY = "category";
    private static final String SALES_PROMOTION = "viaSalesPromotion";
    private static final String DESCRIPTION = "description";
    private static final Map<String, String> REGULATORS = new LinkedHashMap<>();
    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        for (Regulator regulator : Regulator.values()) {
            REGULATORS.put(regulator.name(), regulator.label());
        }
        for (Category category : Category.values()) {
            CATEGORIES.put(category.name(), category.label());
        }
    }

    private final ComplaintRecords records;
    private final Referrals referrals;
    private final RegulatorReferralRepository referralRecords;
    private final IdentityService identityService;

    ReferralNoticePage(ComplaintRecords records, Referrals referrals, RegulatorReferralRepository referralRecords, IdentityService identityService) {
        this.records = records;
        this.referrals = referrals;
        this.referralRecords = referralRecords;
        this.identityService = identityService;
    }

    @GetMapping("/staff/referrals/new")
    ResponseEntity<String> form(@RequestParam(name = "complaint", required = false) String complaintNumber) {
        if (StaffRequests.staffUser(identityService, Departments.OUTSIDE_NOTICES::contains) == null) {
            return forbidden();
        }
        StaffForm form = StaffForm.of(null).withDefault(COMPLAINT_NUMBER, complaintNumber == null ? null : complaintNumber.strip())
                .withDefault(REFERRAL_RECEIVED_ON, today().toString());
        return StaffPages.page(HttpStatus.OK, TITLE, render(form));
    }

    @PostMapping("/staff/referrals/new")
    ResponseEntity<String> register(HttpServletRequest request, @RequestParam Map<String, String> entered) {
        String user = StaffRequests.staffUser(identityService, Departments.OUTSIDE_NOTICES::contains);
        if (user == null || !StaffRequests.fromThisSite(request)) {
            return forbidden();
        }
        StaffForm form = StaffForm.of(entered);
        String number;
        Referrals.ReferralNotice notice;
        try {
            notice = new Referrals.ReferralNotice(form.choice(REGULATOR, Regulator.class), form.text(REGULATOR_REFERENCE),
                    form.date(REFERRAL_RECEIVED_ON), form.date(RESPONSE_DUE_ON), form.text(REFERRAL_SUMMARY));
            String given = form.text(COMPLAINT_NUMBER);
            if (given != null) {
                number = referrals.receive(given, notice);
            } else {
                number = referrals.receiveForwarded(new ComplaintRegistration(Channel.REGULATOR, form.text(NAME), form.text(PHONE),
                        form.text(EMAIL), form.text(MERCHANT), form.text(TERMINAL), form.choice(CATEGORY, Category.class),
                        form.checked(SALES_PROMOTION), form.text(DESCRIPTION), null, List.of()), notice);
            }
        } catch (ComplaintNotFoundException e) {
            return StaffPages.page(HttpStatus.BAD_REQUEST, TITLE,
                    render(form.withErrors(InvalidInputException.of(COMPLAINT_NUMBER, "no such complaint"))));
        } catch (InvalidInputException e) {
            return StaffPages.page(HttpStatus.BAD_REQUEST, TITLE, render(form.withErrors(e)));
        } catch (MismatchingMessageCorrelationException e) {
            // the complaint's process waits for no referral (closed, or in legal proceedings, are answered on a follow-up)
            return StaffPages.page(HttpStatus.CONFLICT, TITLE, render(form.withErrors(InvalidInputException.of(COMPLAINT_NUMBER,
                    "cannot take a referral now: its process waits for none; nothing was recorded, tell compliance & legal"))));
        }
        log.info("Referral {} {} registered by {}: answered by complaint {}", notice.regulator(), notice.reference(), user, number);
        return StaffPages.page(HttpStatus.OK, TITLE, confirmation(form.text(COMPLAINT_NUMBER), number, notice));
    }

    private String confirmation(String given, String number, Referrals.ReferralNotice notice) {
        StringBuilder html = new StringBuilder();
        if (given == null) {
            html.append(StaffPages.done("已登记，监管转来的投诉已立案为 " + number + " Registered: the complaint the regulator forwarded is now complaint " + number + "."));
        } else if (!given.equals(number)) {
            html.append(StaffPages.done("已登记。投诉 " + given + " 已结案，转办由新立的投诉 " + number + " 答复 Registered: complaint " + given
                    + " is closed, so the follow-up complaint " + number + " answers the referral."));
        } else {
            html.append(StaffPages.done("已登记，由投诉 " + number + " 答复 Registered: complaint " + number + " answers the referral;"
                    + " its handling goes on meanwhile."));
        }
        referralRecords.findByRegulatorAndReference(notice.regulator(), notice.reference().strip()).ifPresent(referral ->
                html.append(StaffPages.done("答复期限 Response due: " + referral.getResponseDueAt().atZone(ZONE).toLocalDate())));
        html.append("<p>合规与法务部已在 Tasklist 中收到任务“准备答复 Prepare the response”。 Compliance &amp; legal has the task "
                        + "“准备答复 Prepare the response” in Tasklist.</p>\n<p>")
                .append(StaffPages.link("/staff/complaints/" + number + "/dossier.zip", "下载卷宗 Download the dossier (ZIP)"))
                .append(" （合规与法务部及投诉主管 compliance &amp; legal and complaint managers） · ")
                .append(StaffPages.link("/camunda/app/tasklist/", "返回任务列表 Back to Tasklist")).append("</p>\n");
        return html.toString();
    }

    private String render(StaffForm form) {
        return form.errorList()
                + "<form method=\"post\" action=\"/staff/referrals/new\">\n"
                + form.input(COMPLAINT_NUMBER, "投诉编号 Complaint number", "text", "maxlength=\"18\" pattern=\"^CP-[0-9]{8}-[0-9]{6}$\"", false,
                "监管转来我们从未受理的投诉时留空 Leave blank when the regulator forwards a complaint we never had")
                + form.select(REGULATOR, "监管机构 Regulator", REGULATORS, true)
                + form.input(REGULATOR_REFERENCE, "监管机构编号 Regulator's reference", "text", "maxlength=\"100\"", true, null)
                + form.input(REFERRAL_RECEIVED_ON, "收到日期 Received on", "date", "max=\"" + today() + "\"", true, null)
                + form.input(RESPONSE_DUE_ON, "答复期限 Response due on", "date", "", false,
                "来文未规定期限时留空，默认7个工作日 Leave blank when the letter names no date: 7 working days")
                + form.textarea(REFERRAL_SUMMARY, "转办内容 What the regulator says", 4000, false, null)
                + "<fieldset><legend>监管转来的新投诉 A complaint we never had (only without a complaint number)</legend>\n"
                + form.input(NAME, "投诉人姓名 Complainant name", "text", "maxlength=\"100\"", false, "必填 required")
                + form.input(PHONE, "联系电话 Phone", "tel", "maxlength=\"30\"", false, "必填 required")
                + form.input(EMAIL, "电子邮箱 Email", "email", "maxlength=\"200\"", false, null)
                + form.input(MERCHANT, "商户编号 Merchant ID", "text", "maxlength=\"40\"", false, "必填 required")
                + form.input(TERMINAL, "终端序列号 Terminal serial number", "text", "maxlength=\"40\"", false, null)
                + form.select(CATEGORY, "投诉类别 Category（必填 required）", CATEGORIES, false)
                + form.checkbox(SALES_PROMOTION, "经代理商推广办理 Came through an agent's sales promotion")
                + form.textarea(DESCRIPTION, "投诉内容 Description", 2000, false, "必填 required")
                + "</fieldset>\n"
                + "<p><button type=\"submit\">登记 Register</button></p></form>\n";
    }

    private LocalDate today() {
        return records.now().atZone(ZONE).toLocalDate();
    }

    private static ResponseEntity<String> forbidden() {
        return StaffPages.forbidden(TITLE, Departments.OUTSIDE_NOTICES);
    }
}
