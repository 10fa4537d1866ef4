package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.IntegrationUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * No card number is stored anywhere, by any path (issue 15): a complaint is filed through the public API with card
 * numbers in its name, merchant id, terminal serial, description, transaction reference and an evidence file's name
 * and description; every text field of the staff forms on its way (triage note, evidence file name and description,
 * evidence review note, diagnosis, findings, proposal rationale, counter reason) is submitted through
 * {@code /engine-rest/task/{id}/submit-form} as Tasklist submits it; a file is added on the staff evidence page; an
 * integrator sends a referral through {@code /engine-rest/message}. Each field holds card numbers in every spelling
 * people type (full-width digits, spaces of every kind, double spaces, dots, slashes, dashes). Then every table of the
 * database (the engine's ACT_* tables included, byte arrays decoded), the outbox, the dossier ZIP and the log are
 * searched for a Luhn-valid 13 to 19 digits in any of those spellings, and for the digits of every card number used:
 * none is found.
 */
@ComplaintDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class CardNumbersEndToEndTest {

    /** How people write a card number: each field gets several, each a card number of its own. */
    static final List<Spelling> SPELLINGS = List.of(
            new Spelling("together", "", false),
            new Spelling("groups of four", " ", false),
            new Spelling("full-width digits", "", true),
            new Spelling("full-width, ideographic spaces", "\u3000", true),
            new Spelling("no-break spaces", "\u00a0", false),
            new Spelling("double spaces", "  ", false),
            new Spelling("dots", ".", false),
            new Spelling("full-width dots", "\uFF0E", true),
            new Spelling("slashes", "/", false),
            new Spelling("en-dashes", "\u2013", false),
            new Spelling("em-dashes", "\u2014", false),
            new Spelling("hyphens", "-", false));

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Value("${complaint-desk.demo.password}") String demoPassword;

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> planted = new LinkedHashSet<>();
    private int nextSpelling;
    private final long seed = System.nanoTime() % 1_000_000_000L;

    @Test
    void noPathStoresOrLogsAWholeCardNumber(CapturedOutput output) throws Exception {
        // the public API: name, merchant id, terminal serial, description, a transaction reference
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("complainantName", "张三 " + cards(2));
        complaint.put("complainantPhone", "13900139000");
        complaint.put("complainantEmail", "zhang.san@example.com");
        complaint.put("merchantId", cards(1));
        complaint.put("terminalSerial", "T " + cards(1));
        complaint.put("category", "TECHNICAL_FAULT");
        complaint.put("viaSalesPromotion", false);
        complaint.put("description", "[点此核验账户 Verify your account](http://evil.example/phish) 刷卡失败 card " + cards(SPELLINGS.size()));
        complaint.put("transactions", List.of(Map.of("reference", cards(2), "occurredAt", "2026-11-20T02:00:00Z",
                "amount", 100.00, "feeCharged", 0.60)));
        ResponseEntity<Map> filed = http.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(complaint, jsonHeaders()), Map.class);
        assertThat(filed.getStatusCode().value()).as("filing: %s", filed.getBody()).isEqualTo(201);
        String number = (String) filed.getBody().get("complaintNumber");
        String accessCode = (String) filed.getBody().get("accessCode");

        // the public API: evidence with a card number in its file name and description
        HttpHeaders apiUpload = new HttpHeaders();
        apiUpload.set("X-Access-Code", accessCode);
        apiUpload.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> uploaded = http.exchange("/api/complaints/" + number + "/evidence", HttpMethod.POST,
                new HttpEntity<>(files("receipt " + cards(1) + ".png", "屏幕 screen " + cards(3)), apiUpload), String.class);
        assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(201);

        // every text field of the staff forms on the way, submitted as Tasklist submits them
        submit(number, "Task_TriageComplaint", "wang.fang", Map.of("category", "TECHNICAL_FAULT", "subCategory", "WONT_POWER_ON",
                "viaSalesPromotion", false, "evidenceRequired", true, "isDuplicate", false, "triageNote", "分诊 " + cards(4)));
        submit(number, "Task_AwaitEvidence", "wang.fang", Map.of("complainantWithdrew", false, "evidenceType", "FAULT_PHOTO",
                "evidenceFileName", "照片 " + cards(2) + ".jpg", "evidenceReceivedDescription", "收到 received " + cards(4)));
        submit(number, "Task_ReviewEvidence", "zhang.wei", Map.of("evidenceSufficient", true, "evidenceReviewNote", "审核 " + cards(3)));
        submit(number, "Task_DiagnoseFault", "zhang.wei", Map.of("diagnosis", "诊断 " + cards(4), "fixMethod", "REMOTE_FIX",
                "manufacturerReferral", false, "findings", "结论 " + cards(4)));
        submit(number, "Task_ProposeResolution", "zhang.wei", Map.of("remedy", "EXPLANATION", "proposedAmount", 0.0,
                "proposalRationale", "方案 " + cards(4), "rootCause", "DEVICE_DEFECT"));
        submit(number, "Task_NegotiateSettlement", "wang.fang", Map.of("settlementResponse", "COUNTER", "counterAmount", 100.0,
                "counterReason", "还价 " + cards(4)));
        assertThat(waiting(number).getTaskDefinitionKey()).isEqualTo("Task_ProposeResolution");

        // the staff evidence page
        HttpHeaders staffUpload = new HttpHeaders();
        staffUpload.setContentType(MediaType.MULTIPART_FORM_DATA);
        staffUpload.setOrigin("http://localhost:" + port);
        ResponseEntity<String> added = http.withBasicAuth("wang.fang", demoPassword).withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW).exchange("/staff/complaints/" + number + "/evidence",
                HttpMethod.POST, new HttpEntity<>(files("slip " + cards(1) + ".png", "邮寄 by post " + cards(3)), staffUpload), String.class);
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(303);

        // an integrator's message through the engine REST API
        String reference = "SAMR-CARD-" + TestIds.digits();
        HttpResponse<String> message = Http.on(port).as(IntegrationUser.ensure(identityService), IntegrationUser.PASSWORD).postJson("/engine-rest/message", """
                {"messageName": "RegulatorReferralReceived", "businessKey": "%s",
                 "processVariables": {"regulator": {"value": "SAMR_12315", "type": "String"},
                                      "regulatorReference": {"value": "%s", "type": "String"},
                                      "referralReceivedOn": {"value": "%s", "type": "String"},
                                      "referralSummary": {"value": %s, "type": "String"}}}
                """.formatted(number, reference, LocalDate.now(BusinessTime.ZONE),
                json.writeValueAsString("商户向12315反映 " + cards(4))));
        assertThat(message.statusCode()).as(message.body()).isEqualTo(204);

        // whatever the steps left to the job executor (notifications, the referral's opening) has run
        await().atMost(Duration.ofSeconds(60)).until(() -> managementService.createJobQuery().executable().count() == 0);

        // a log line of our own with a card number, as a careless log statement would write it
        LoggerFactory.getLogger(CardNumbersEndToEndTest.class).warn("complainant typed {} in a field", cards(SPELLINGS.size()));

        assertThat(planted).hasSizeGreaterThan(60);
        assertThat(SPELLINGS.size() * 2).isLessThan(nextSpelling); // every spelling was used more than twice

        // the paths ran and stored their (masked) text: the engine's history has each form field, our tables the record
        for (String field : List.of("triageNote", "evidenceFileName", "evidenceReceivedDescription", "evidenceReviewNote", "diagnosis",
                "findings", "proposalRationale", "counterReason")) {
            assertThat(jdbc.queryForList("select text_ from act_hi_detail where type_ = 'FormProperty' and name_ = ? and text_ like '%******%'",
                    String.class, field)).as("form field %s in the history, masked", field).isNotEmpty();
            assertThat(jdbc.queryForList("select text_ from act_hi_varinst where name_ = ? and text_ like '%******%'", String.class, field))
                    .as("variable %s in the history, masked", field).isNotEmpty();
        }
        assertThat(jdbc.queryForObject("select description from complaint where complaint_number = ?", String.class, number)).contains("******");
        assertThat(jdbc.queryForObject("select count(*) from evidence e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.file_name like '%622202*%'", Integer.class, number)).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox o join complaint c on c.id = o.complaint_id"
                + " where c.complaint_number = ?", Integer.class, number)).isPositive();

        // every table, every column (byte arrays decoded), the dossier and the log: no card number
        List<String> found = new ArrayList<>();
        Set<String> references = new LinkedHashSet<>(jdbc.queryForList("select reference from regulator_referral", String.class));
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("act_hi_detail", "act_ru_variable", "act_hi_varinst", "act_ge_bytearray", "complaint",
                "notification_outbox", "evidence", "timeline_entry");
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("select * from \"" + table + "\"")) {
                if (table.equals("act_hi_op_log") && row.get("property_") instanceof String property && ENGINE_TIMESTAMPS.contains(property)) {
                    continue; // a task's due or follow-up date changed in Tasklist: the engine logs epoch milliseconds
                }
                row.forEach((column, value) -> {
                    if (value instanceof String || value instanceof byte[]) { // numbers, dates and flags are the engine's and ours
                        search(table + "." + column, text(value), references, found);
                    }
                });
            }
        }
        ResponseEntity<byte[]> dossier = http.withBasicAuth("sun.li", demoPassword)
                .getForEntity("/staff/complaints/" + number + "/dossier.zip", byte[].class);
        assertThat(dossier.getStatusCode().value()).isEqualTo(200);
        Map<String, String> entries = unzip(dossier.getBody());
        assertThat(entries.keySet()).anyMatch(name -> name.contains("622202"));
        entries.forEach((name, content) -> {
            search("dossier entry name " + name, name, references, found);
            search("dossier " + name, content, references, found);
        });
        assertThat(output.getAll()).contains("complainant typed 622202");
        search("log", output.getAll(), references, found);

        assertThat(found).as("card numbers found").isEmpty();
    }

    /** Operation-log properties whose values the engine writes as epoch milliseconds (13 digits, Luhn-valid by chance). */
    private static final Set<String> ENGINE_TIMESTAMPS = Set.of("dueDate", "followUpDate");

    // ---- the paths ----

    private void submit(String number, String taskKey, String user, Map<String, Object> fields) throws IOException {
        Task task = waiting(number);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value,
                "type", value instanceof Boolean ? "Boolean" : value instanceof Double ? "Double" : "String")));
        HttpResponse<String> response = Http.on(port).as(user, demoPassword)
                .postJson("/engine-rest/task/" + task.getId() + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));
        assertThat(response.statusCode()).as("%s: %s", taskKey, response.body()).isEqualTo(204);
    }

    private Task waiting(String number) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("complaint-lifecycle").singleResult(), task -> task != null);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static MultiValueMap<String, Object> files(String fileName, String description) throws IOException {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentDisposition(ContentDisposition.formData().name("files").filename(fileName, StandardCharsets.UTF_8).build());
        part.setContentType(MediaType.IMAGE_PNG);
        body.add("files", new HttpEntity<>(png(), part));
        body.add("evidenceType", "FAULT_PHOTO");
        body.add("description", description);
        return body;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 2, 0x2255AA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    // ---- card numbers: planted, then searched for ----

    /** How many card numbers, each new, each in the next spelling, joined by "；". */
    private String cards(int count) {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pan = luhn("622202" + String.format("%09d", (seed + planted.size() * 7919L) % 1_000_000_000L));
            planted.add(pan);
            written.add(SPELLINGS.get(nextSpelling++ % SPELLINGS.size()).write(pan));
        }
        return String.join("；", written);
    }

    record Spelling(String name, String separator, boolean fullWidth) {

        String write(String pan) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < pan.length(); i++) {
                if (i > 0 && i % 4 == 0) {
                    out.append(separator);
                }
                out.append(fullWidth ? (char) ('０' + pan.charAt(i) - '0') : pan.charAt(i));
            }
            return out.toString();
        }
    }

    private static final String SEPARATORS = "[\\p{Zs}\\t\\-\\u2010-\\u2015\\u2212\\uFF0D.\\uFF0E\\u3002/\\uFF0F_]";
    private static final Pattern RUN = Pattern.compile("\\p{Nd}+(?:" + SEPARATORS + "{1,3}\\p{Nd}+)*");
    private static final Pattern COMPLAINT_NUMBER = Pattern.compile("CP-\\d{8}-\\d{6}");
    /** A SHA-256 or similar digest in hexadecimal (idempotency keys, checksums): its digits are no one's card number. */
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{32,}");
    /**
     * The other tests of the shared database make their e-mail addresses, merchant ids and serials unique with
     * long digit strings ("liu.qiang.6833086282637@example.com", "M-6840741667094"; TestIds makes them fail the Luhn
     * check, but test data of older runs may not). The generic search leaves such identifiers aside; the planted
     * numbers are searched for in them too.
     */
    private static final Pattern TEST_IDENTIFIER = Pattern.compile("[\\w.+-]*@[\\w.-]+|\\b[A-Za-z]+\\d*[-.]\\d+");

    /**
     * Two searches: the digits of every planted card number, whatever stands between them (the text's digits in a
     * row, full-width ones as ASCII); and any Luhn-valid 13 to 19 digits made of whole digit groups in a run of
     * groups joined by the separators people type, complaint numbers, hexadecimal digests and regulators' references
     * (stored as given) left aside.
     */
    private void search(String where, String text, Set<String> references, List<String> found) {
        if (text == null || text.length() < 13) {
            return;
        }
        String digitsOnly = digits(text);
        for (String pan : planted) {
            if (digitsOnly.contains(pan)) {
                found.add(where + ": planted " + pan + " in " + excerpt(text, pan.substring(0, 4)));
            }
        }
        Matcher run = RUN.matcher(TEST_IDENTIFIER.matcher(HEX_DIGEST.matcher(COMPLAINT_NUMBER.matcher(text).replaceAll("CP"))
                .replaceAll("#")).replaceAll("@"));
        while (run.find()) {
            List<String> groups = new ArrayList<>();
            Matcher group = Pattern.compile("\\p{Nd}+").matcher(run.group());
            while (group.find()) {
                groups.add(digits(group.group()));
            }
            for (int from = 0; from < groups.size(); from++) {
                StringBuilder window = new StringBuilder();
                for (int to = from; to < groups.size() && window.length() + groups.get(to).length() <= 19; to++) {
                    window.append(groups.get(to));
                    if (window.length() >= 13 && luhnValid(window.toString()) && !isReference(window.toString(), references)) {
                        found.add(where + ": Luhn-valid " + window + " in " + excerpt(text, run.group()));
                    }
                }
            }
        }
    }

    private static boolean isReference(String digits, Set<String> references) {
        return references.stream().anyMatch(reference -> digits(reference).contains(digits));
    }

    private static String excerpt(String text, String around) {
        int at = Math.max(0, text.indexOf(around));
        return "…" + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 80)).replace('\n', ' ') + "…";
    }

    private static String digits(String text) {
        StringBuilder digits = new StringBuilder();
        text.codePoints().map(cp -> Character.digit(cp, 10)).filter(d -> d >= 0).forEach(d -> digits.append((char) ('0' + d)));
        return digits.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    static String luhn(String digits) {
        for (int check = 0; check < 10; check++) {
            if (luhnValid(digits + check)) {
                return digits + check;
            }
        }
        throw new IllegalStateException();
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }
}
