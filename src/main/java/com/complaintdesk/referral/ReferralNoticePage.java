package com.complaintdesk.referral;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintNumber;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.config.StaffForm;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.config.StaffTemplates;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.intake.ComplaintRegistration;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.HashMap;
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
 * site only; the page is templates/staff/referral.html. Referrals checks everything in one transaction: a refused form writes nothing.
 */
@Controller
class ReferralNoticePage {

    private static final Logger log = LoggerFactory.getLogger(ReferralNoticePage.class);
    private static final String TITLE = "referral.title";
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
    private final StaffTemplates pages;

    ReferralNoticePage(ComplaintRecords records, Referrals referrals, RegulatorReferralRepository referralRecords, IdentityService identityService,
                       StaffTemplates pages) {
        this.pages = pages;
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
        StaffForm form = StaffForm.of(null).withDefault(Lifecycle.COMPLAINT_NUMBER.name(), complaintNumber == null ? null : complaintNumber.strip())
                .withDefault(ReferralVariables.REFERRAL_RECEIVED_ON.name(), today().toString());
        return render(HttpStatus.OK, form);
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
            notice = new Referrals.ReferralNotice(form.choice(ReferralVariables.REGULATOR.name(), Regulator.class), form.text(ReferralVariables.REGULATOR_REFERENCE.name()),
                    form.date(ReferralVariables.REFERRAL_RECEIVED_ON.name()), form.date(ReferralVariables.RESPONSE_DUE_ON.name()), form.text(ReferralVariables.REFERRAL_SUMMARY.name()));
            String given = form.text(Lifecycle.COMPLAINT_NUMBER.name());
            if (given != null) {
                number = referrals.receive(given, notice);
            } else {
                number = referrals.receiveForwarded(new ComplaintRegistration(Channel.REGULATOR, form.text(NAME), form.text(PHONE),
                        form.text(EMAIL), form.text(MERCHANT), form.text(TERMINAL), form.choice(CATEGORY, Category.class),
                        form.checked(SALES_PROMOTION), form.text(DESCRIPTION), null, List.of()), notice);
            }
        } catch (ComplaintNotFoundException e) {
            return render(HttpStatus.BAD_REQUEST, form.withErrors(InvalidInputException.of(Lifecycle.COMPLAINT_NUMBER.name(), "no such complaint")));
        } catch (InvalidInputException e) {
            return render(HttpStatus.BAD_REQUEST, form.withErrors(e));
        } catch (MismatchingMessageCorrelationException e) {
            // the complaint's process waits for no referral (closed, or in legal proceedings, are answered on a follow-up)
            return render(HttpStatus.CONFLICT, form.withErrors(InvalidInputException.of(Lifecycle.COMPLAINT_NUMBER.name(),
                    "cannot take a referral now: its process waits for none; nothing was recorded, tell compliance & legal")));
        }
        log.info("Referral {} {} registered by {}: answered by complaint {}", notice.regulator(), notice.reference(), user, number);
        return confirmation(form.text(Lifecycle.COMPLAINT_NUMBER.name()), number, notice);
    }

    private ResponseEntity<String> confirmation(String given, String number, Referrals.ReferralNotice notice) {
        String registered = given == null ? pages.words("referral.forwarded", number)
                : !given.equals(number) ? pages.words("referral.followUp", given, number)
                : pages.words("referral.answeredBy", number);
        Map<String, Object> model = new HashMap<>();
        model.put("registered", true);
        model.put("registeredText", registered);
        model.put("number", number);
        model.put("due", referralRecords.findByRegulatorAndReference(notice.regulator(), notice.reference().strip())
                .map(referral -> referral.getResponseDueAt().atZone(ZONE).toLocalDate().toString()).orElse(null));
        return pages.page(HttpStatus.OK, "referral", model);
    }

    private ResponseEntity<String> render(HttpStatus status, StaffForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("registered", false);
        model.put("form", form);
        model.put("regulators", REGULATORS);
        model.put("categories", CATEGORIES);
        model.put("numberPattern", ComplaintNumber.REGEX);
        model.put("today", today().toString());
        return pages.page(status, "referral", model);
    }

    private LocalDate today() {
        return records.now().atZone(ZONE).toLocalDate();
    }

    private ResponseEntity<String> forbidden() {
        return pages.forbidden(TITLE, Departments.OUTSIDE_NOTICES);
    }
}
