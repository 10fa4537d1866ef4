package com.complaintdesk.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.deadline.BusinessCalendar;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.legal.LegalActions;
import com.complaintdesk.legal.LegalCase;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A regulator's referral registered on the staff page /staff/referrals/new, through the real HTTP Basic filter: for a
 * complaint we have, whose handling goes on; for one the regulator forwards, registered with channel REGULATOR; for a
 * closed one, through a follow-up complaint. Each waits for compliance-legal's response with its due date on record;
 * bad input, a reference already recorded, a complaint in legal proceedings, other departments and other sites write
 * nothing.
 */
@ComplaintDeskSpringTest
class ReferralNoticePageTest {

    private static final String PAGE = "/staff/referrals/new";
    private static final String SAME_SITE = "Sec-Fetch-Site";

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired BusinessCalendar calendar;
    @Autowired LegalActions legalActions;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    private final RegisteredComplaints registered = new RegisteredComplaints();
    private StaffSteps staff;
    private String merchant;
    private String reference;

    @BeforeEach
    void setUp() {
        staff = new StaffSteps(taskService, identityService);
        merchant = "M-" + TestIds.digits();
        reference = luhnValid("12363" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L));
    }

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void aReferralOfAComplaintInTriageIsAnsweredByItWhileTheTriageWaits() {
        String number = registerComplaint();
        LocalDate today = today();
        HttpResponse<String> form = page("wang.fang").get(PAGE + "?complaint=" + number);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("登记监管转办 Register a regulator referral", "value=\"" + number + "\"",
                "value=\"" + today + "\"", "中国人民银行 12363 PBoC 12363");

        LocalDate due = today.plusDays(10);
        HttpResponse<String> sent = post("wang.fang", Map.of("complaintNumber", number, "regulator", "PBOC_12363",
                "regulatorReference", reference, "referralReceivedOn", today.toString(), "responseDueOn", due.toString(),
                "referralSummary", "商户向12363反映押金未退 the merchant told 12363 the deposit was not refunded"));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("complaint " + number + " answers the referral", "准备答复 Prepare the response",
                "href=\"/staff/complaints/" + number + "/dossier.zip\"", "Response due: " + due);
        assertWaitsForTheResponse(number);
        assertThat(referral().orElseThrow()).containsEntry("complaint_number", number).containsEntry("regulator", "PBOC_12363")
                .containsEntry("due_on", due.toString()).containsEntry("received_on", today.toString())
                .containsEntry("reference", reference); // kept as given, though it would pass for a card number
        staff.waitingTask(number, "complaint-lifecycle", "Task_TriageComplaint");
        assertThat(records.get(number).getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
    }

    @Test
    void aComplaintTheRegulatorForwardsIsRegisteredWithChannelRegulatorAndItsReferralGetsTheDefaultDueDate() {
        Instant before = records.now();
        HttpResponse<String> sent = post("chen.jing", forwarded(Map.of()));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        Map<String, Object> referral = referral().orElseThrow();
        String number = registered.add((String) referral.get("complaint_number"));
        assertThat(sent.body()).contains("is now complaint " + number, "准备答复 Prepare the response", "/staff/complaints/" + number + "/dossier.zip");
        Complaint complaint = records.get(number);
        assertThat(complaint.getChannel()).isEqualTo(Channel.REGULATOR);
        assertThat(complaint.getComplainant().merchantId()).isEqualTo(merchant);
        assertThat(complaint.getCategory()).isEqualTo(Category.FEE_DISPUTE);
        staff.waitingTask(number, "complaint-lifecycle", "Task_TriageComplaint");
        assertWaitsForTheResponse(number);
        // no date given: the configured default, 7 working days from when it was registered
        assertThat(referral).containsEntry("regulator", "SAMR_12315").containsEntry("received_on", today().toString())
                .containsEntry("due_on", BusinessCalendar.dateOf(calendar.plusWorkingDays(before, 7)).toString());
    }

    @Test
    void aReferralOfAClosedComplaintOpensAFollowUpComplaintThatAnswersIt() {
        String original = registerComplaint();
        String closed = registerComplaint();
        staff.complete(closed, "wang.fang", "customer-service", "Task_TriageComplaint", Map.of("category", "FEE_DISPUTE",
                "subCategory", "DEPOSIT_NOT_REFUNDED", "evidenceRequired", false, "isDuplicate", true, "duplicateOf", original,
                "viaSalesPromotion", false));
        assertThat(records.get(closed).isClosed()).isTrue();

        HttpResponse<String> sent = post("sun.li", Map.of("complaintNumber", closed, "regulator", "NFRA", "regulatorReference", reference,
                "referralReceivedOn", today().toString()));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        String followUp = registered.add((String) referral().orElseThrow().get("complaint_number"));
        assertThat(followUp).isNotEqualTo(closed);
        assertThat(sent.body()).contains("complaint " + closed + " is closed, so the follow-up complaint " + followUp + " answers the referral",
                "/staff/complaints/" + followUp + "/dossier.zip");
        assertThat(records.get(followUp).getChannel()).isEqualTo(Channel.REGULATOR);
        assertThat(records.get(followUp).getDescription()).contains(closed);
        assertWaitsForTheResponse(followUp);
        assertThat(records.get(closed).isClosed()).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNeitherComplaintNorReferralIsWritten() {
        HttpResponse<String> noReference = post("wang.fang", forwarded(Map.of("regulatorReference", "")));
        assertThat(noReference.statusCode()).isEqualTo(400);
        assertThat(noReference.body()).contains("regulatorReference: is required", "value=\"" + merchant + "\"", "value=\"赵六\"",
                "<option value=\"FEE_DISPUTE\" selected=\"selected\">");

        HttpResponse<String> noName = post("wang.fang", forwarded(Map.of("complainantName", " ")));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("complainantName: ");

        // checked when the referral is recorded, after the complaint is registered: the registration is rolled back too
        HttpResponse<String> longReference = post("chen.jing", forwarded(Map.of("regulatorReference", "R".repeat(101))));
        assertThat(longReference.statusCode()).isEqualTo(400);
        assertThat(longReference.body()).contains("regulatorReference: must be at most 100 characters");

        HttpResponse<String> dueBeforeReceived = post("chen.jing", forwarded(Map.of("referralReceivedOn", today().toString(),
                "responseDueOn", today().minusDays(1).toString())));
        assertThat(dueBeforeReceived.statusCode()).isEqualTo(400);
        assertThat(dueBeforeReceived.body()).contains("responseDueOn: cannot be before the referral was received");

        HttpResponse<String> notADate = post("chen.jing", forwarded(Map.of("referralReceivedOn", "26/11/2026")));
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("referralReceivedOn: must be a date");

        HttpResponse<String> unknownComplaint = post("chen.jing", Map.of("complaintNumber", "CP-19990101-000001", "regulator", "NFRA",
                "regulatorReference", reference));
        assertThat(unknownComplaint.statusCode()).isEqualTo(400);
        assertThat(unknownComplaint.body()).contains("complaintNumber: no such complaint");

        assertThat(jdbc.sql("select count(*) from complaint where merchant_id = ?").param(merchant).query(Long.class).single()).isZero();
        assertThat(referral()).isEmpty();
    }

    @Test
    void aReferenceAlreadyRecordedIsRefused() {
        String number = registerComplaint();
        Map<String, String> referral = Map.of("complaintNumber", number, "regulator", "SAMR_12315", "regulatorReference", reference);
        assertThat(post("wang.fang", referral).statusCode()).isEqualTo(200);

        HttpResponse<String> again = post("chen.jing", referral);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("regulatorReference: is already recorded");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).processDefinitionKey("regulator-referral")
                .count()).isOne();
    }

    @Test
    void aReferralOfAComplaintInLegalProceedingsIsAnsweredOnAFollowUpComplaint() {
        String number = registerComplaint();
        legalActions.file(number, new LegalActions.LegalNotice(LegalCase.Initiator.COMPLAINANT, LegalCase.Forum.COURT, "起诉 summons"));

        HttpResponse<String> accepted = post("chen.jing", Map.of("complaintNumber", number, "regulator", "NFRA", "regulatorReference", reference));

        assertThat(accepted.statusCode()).isEqualTo(200);
        String followUp = referral().orElseThrow().get("complaint_number").toString();
        assertThat(followUp).isNotEqualTo(number);
        assertThat(accepted.body()).contains(followUp);
        assertWaitsForTheResponse(followUp);
        staff.waitingTask(number, "legal-proceedings", "Task_AssessClaim");
    }

    @Test
    void otherDepartmentsAndOtherSitesAreRefused() {
        String number = registerComplaint();
        String form = "complaintNumber=" + number + "&regulator=NFRA&regulatorReference=" + reference;
        assertThat(page("zhang.wei").get(PAGE + "?complaint=" + number).statusCode()).isEqualTo(403);
        assertThat(page("zhang.wei").postForm(PAGE, form, SAME_SITE, "same-origin").statusCode()).isEqualTo(403);
        assertThat(page("wang.fang").postForm(PAGE, form, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(page("wang.fang").postForm(PAGE, form, SAME_SITE, "cross-site").statusCode()).isEqualTo(403);
        assertThat(Http.on(port).postForm(PAGE, form).statusCode()).isEqualTo(401);

        assertThat(referral()).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).processDefinitionKey("regulator-referral")
                .count()).isZero();
    }

    /** The complaint's referral waits for compliance-legal's response. */
    private void assertWaitsForTheResponse(String number) {
        Task prepare = staff.waitingTask(number, "regulator-referral", "Task_PrepareResponse");
        assertThat(staff.candidateGroups(prepare)).containsExactly("compliance-legal");
        assertThat(referral().orElseThrow()).containsEntry("process_instance_id", prepare.getProcessInstanceId());
    }

    /** This test's referral (by its reference) with its complaint's number and its due date in Asia/Shanghai. */
    private Optional<Map<String, Object>> referral() {
        return jdbc.sql("select c.complaint_number, r.regulator, r.reference, r.process_instance_id, cast(r.received_on as varchar) as received_on, "
                        + "cast(cast(r.response_due_at at time zone 'Asia/Shanghai' as date) as varchar) as due_on "
                        + "from regulator_referral r join complaint c on c.id = r.complaint_id where r.reference = ?")
                .param(reference).query().listOfRows().stream().findFirst();
    }

    /** A forwarded complaint's form (no complaint number), with {@code changes} replacing or adding fields. */
    private Map<String, String> forwarded(Map<String, String> changes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("regulator", "SAMR_12315");
        form.put("regulatorReference", reference);
        form.put("referralSummary", "12315转来：手续费被多扣 forwarded by 12315: fees overcharged");
        form.put("complainantName", "赵六");
        form.put("complainantPhone", "13900139006");
        form.put("merchantId", merchant);
        form.put("category", "FEE_DISPUTE");
        form.put("description", "商户称手续费被多扣 the merchant says fees were overcharged");
        form.putAll(changes);
        return form;
    }

    private String registerComplaint() {
        return registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "钱七", "13500135007", null,
                "M-" + TestIds.digits(), null, Category.FEE_DISPUTE, false, "押金未退 deposit not refunded", null, List.of()))
                .complaint().getComplaintNumber());
    }

    /**
     * The digits with a Luhn check digit added: a reference the card-number masker would take for a card number
     * (12363 case numbers are long runs of digits), so the tests show it is stored and matched as given.
     */
    private static String luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return digits + (10 - sum % 10) % 10;
    }

    private LocalDate today() {
        return BusinessCalendar.dateOf(records.now());
    }

    private Http page(String user) {
        return Http.on(port).as(user, "demo");
    }

    private HttpResponse<String> post(String user, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return page(user).postForm(PAGE, body, SAME_SITE, "same-origin");
    }
}
