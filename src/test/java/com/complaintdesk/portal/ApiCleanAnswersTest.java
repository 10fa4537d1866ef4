package com.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.portal.PortalApi.Filed;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clean answers of the public API: two simultaneous answers to one offer are one 200 and one 409 (the agreement is
 * drafted once), and so are an answer online and one by an agent in the Tasklist (engine REST 409 for the agent);
 * two simultaneous surveys are one 201 and one 409; two simultaneous uploads are both stored and tell the process
 * once (each race run several times, each on a fresh complaint); every error under /api is application/problem+json, those Spring MVC and the container answer
 * themselves too (405, 406, 404, a malformed path); a JSON body over 1 MB is refused with 413 at once, before it has
 * been sent, or as soon as the limit is passed when it comes without a length.
 */
@ComplaintDeskSpringTest
class ApiCleanAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RACE_ROUNDS = 5;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    private PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(http, taskService, identityService);
    }

    /**
     * Several rounds, each on a fresh complaint, so that the race is really run (the loser used to reach the engine
     * step and fail there with a 500 now and then): each time one 200 and one 409 that says the offer was answered
     * already, the answer recorded once (proposal, public timeline, one agreement to sign) and no incident left.
     */
    @Test
    void twoSimultaneousAnswersToAnOfferAreOne200AndOne409() throws Exception {
        for (int round = 1; round <= RACE_ROUNDS; round++) {
            Filed filed = api.fileOk(PortalApi.merchant(), "SERVICE_QUALITY");
            api.offerCompensation(filed.number());

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ResponseEntity<Map<String, Object>>>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racing.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.answer(filed, Map.of("answer", "ACCEPT"));
                }));
            }
            start.countDown();
            List<ResponseEntity<Map<String, Object>>> answers = racing.stream().map(CompletableFuture::join).toList();
            List<Integer> statuses = answers.stream().map(r -> r.getStatusCode().value()).toList();

            assertThat(statuses).as("round %d: %s", round, answers).containsExactlyInAnyOrder(200, 409);
            ResponseEntity<Map<String, Object>> loser = answers.stream().filter(r -> r.getStatusCode().value() == 409).findFirst().orElseThrow();
            assertThat(String.valueOf(loser.getBody().get("detail"))).as("round %d", round).contains("already been answered");
            assertOneAnswer(filed, round);
        }
    }

    /**
     * The complainant answers online while an agent records the answer in the Tasklist (engine REST, completing
     * Task_NegotiateSettlement): whoever comes second gets 409 (the agent's step finds the offer answered under the
     * proposal's row lock, or the engine's version check refuses it), never 500; the answer is recorded once.
     */
    @Test
    void anAnswerOnlineAndOneByAnAgentAtOnceAreOneSuccessAndOne409() {
        for (int round = 1; round <= RACE_ROUNDS; round++) {
            Filed filed = api.fileOk(PortalApi.merchant(), "SERVICE_QUALITY");
            api.offerCompensation(filed.number());
            String taskId = api.task(filed.number(), "Task_NegotiateSettlement").getId();
            taskService.claim(taskId, "wang.fang");
            Http agent = Http.on(port).as("wang.fang", "demo");

            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> online = CompletableFuture.supplyAsync(() -> {
                await(start);
                return api.answer(filed, Map.of("answer", "ACCEPT")).getStatusCode().value();
            });
            CompletableFuture<HttpResponse<String>> tasklist = CompletableFuture.supplyAsync(() -> {
                await(start);
                try {
                    return agent.postJson("/engine-rest/task/" + taskId + "/complete",
                            "{\"variables\": {\"settlementResponse\": {\"value\": \"ACCEPT\", \"type\": \"String\"}}}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            start.countDown();
            int onlineStatus = online.join();
            HttpResponse<String> agentAnswer = tasklist.join();

            assertThat(List.of(onlineStatus, agentAnswer.statusCode())).as("round %d: %s", round, agentAnswer.body())
                    .containsAnyOf(200, 204).contains(409).hasSize(2).doesNotContain(500);
            assertThat(onlineStatus == 200 ^ agentAnswer.statusCode() == 204).as("round %d: exactly one succeeded", round).isTrue();
            assertOneAnswer(filed, round);
        }
    }

    /** Two simultaneous surveys of one closed complaint: one 201 and one 409 (not a unique-key 500), one survey stored. */
    @Test
    void twoSimultaneousSurveysAreOne201AndOne409() {
        for (int round = 1; round <= RACE_ROUNDS; round++) {
            String merchant = PortalApi.merchant();
            Filed original = api.fileOk(merchant, "TECHNICAL_FAULT");
            Filed duplicate = api.fileOk(merchant, "TECHNICAL_FAULT");
            api.closeAsDuplicate(duplicate.number(), original.number(), "TECHNICAL_FAULT");

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ResponseEntity<Map<String, Object>>>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int score = 4 + i;
                racing.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.survey(duplicate, Map.of("score", score));
                }));
            }
            start.countDown();
            List<ResponseEntity<Map<String, Object>>> answers = racing.stream().map(CompletableFuture::join).toList();

            assertThat(answers.stream().map(r -> r.getStatusCode().value()).toList()).as("round %d: %s", round, answers)
                    .containsExactlyInAnyOrder(201, 409);
            assertThat(jdbc.sql("select count(*) from complaint_survey s join complaint c on c.id = s.complaint_id"
                    + " where c.complaint_number = :number").param("number", duplicate.number()).query(Long.class).single())
                    .as("round %d: one survey", round).isOne();
        }
    }

    /**
     * Two simultaneous uploads while the complaint waits for evidence: both are stored (201 each, never 500), and the
     * process is told once (one review task): the second upload waits for the first one's row lock and then finds
     * that nothing waits any more.
     */
    @Test
    void twoSimultaneousUploadsWhileEvidenceIsAwaitedAreBothStoredAndTellTheProcessOnce() {
        for (int round = 1; round <= RACE_ROUNDS; round++) {
            Filed filed = api.fileOk(PortalApi.merchant(), "TECHNICAL_FAULT");
            api.askForEvidence(filed.number(), "TECHNICAL_FAULT");

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ResponseEntity<Map<String, Object>>>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                PortalApi.NamedFile file = new PortalApi.NamedFile("photo-" + i + ".png", PortalApi.png(10 + i, 10));
                racing.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.upload(filed, file);
                }));
            }
            start.countDown();
            List<ResponseEntity<Map<String, Object>>> answers = racing.stream().map(CompletableFuture::join).toList();

            assertThat(answers.stream().map(r -> r.getStatusCode().value()).toList()).as("round %d: %s", round, answers)
                    .containsExactly(201, 201);
            assertThat(jdbc.sql("select count(*) from evidence_file f join evidence e on e.id = f.evidence_id join complaint c"
                    + " on c.id = e.complaint_id where c.complaint_number = :number").param("number", filed.number())
                    .query(Long.class).single()).as("round %d: both files stored", round).isEqualTo(2);
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(filed.number()).taskDefinitionKey("Task_ReviewEvidence").count())
                    .as("round %d: one review", round).isOne();
            String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filed.number()).singleResult().getId();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).as("round %d: no incident", round).isZero();
        }
    }

    private void assertOneAnswer(Filed filed, int round) {
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(filed.number()).taskDefinitionKey("Task_SignAgreement").count())
                .as("round %d: one agreement to sign", round).isOne();
        assertThat(jdbc.sql("select p.status from settlement_proposal p join complaint c on c.id = p.complaint_id"
                + " where c.complaint_number = :number").param("number", filed.number()).query(String.class).list())
                .as("round %d: the proposal answered once", round).containsExactly("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from timeline_entry t join complaint c on c.id = t.complaint_id"
                + " where c.complaint_number = :number and t.milestone = 'SETTLEMENT_RESPONSE'").param("number", filed.number())
                .query(Long.class).single()).as("round %d: the answer on the timeline once", round).isOne();
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filed.number()).singleResult().getId();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).as("round %d: no incident", round).isZero();
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void errorsThatSpringOrTheContainerAnswerAreProblemJsonToo() throws Exception {
        Http client = Http.on(port);
        HttpResponse<String> methodNotAllowed = client.postJson("/api/complaints/CP-20261126-000001", "{}");
        assertProblem(methodNotAllowed, 405);
        assertThat(methodNotAllowed.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));

        assertProblem(client.get("/api/complaints/CP-20261126-000001", "Accept", "text/html", "X-Access-Code", "x"), 406);
        assertProblem(client.get("/api/no-such-thing"), 404);
        // a malformed path: an encoded slash and a broken escape, refused by the container before any controller
        assertProblem(RawHttp.from("127.0.0.1", port).send("GET", "/api/complaints/CP%2F1", null, -1), 400);
        assertProblem(RawHttp.from("127.0.0.1", port).send("GET", "/api/complaints/%zz", null, -1), 400);
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedAtOnce() throws Exception {
        // 20 MB announced, only the first kilobyte sent: the answer comes without the rest
        Instant start = Instant.now();
        RawHttp.Answer announced = RawHttp.from("127.0.0.1", port).send("POST", "/api/complaints",
                "{\"description\": \"".getBytes(StandardCharsets.UTF_8), 20L * 1024 * 1024, "Content-Type: application/json");
        assertProblem(announced, 413);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));

        // sent in chunks without a length: refused once 1 MB has been read, before the body has ended (the client
        // sends a little over 1 MB and then waits, without the closing chunk)
        StringBuilder chunked = new StringBuilder();
        String piece = "x".repeat(64 * 1024);
        chunked.append(Integer.toHexString(17)).append("\r\n{\"description\": \"\r\n");
        for (int i = 0; i < 16; i++) {
            chunked.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        RawHttp.Answer streamed = RawHttp.from("127.0.0.1", port).send("POST", "/api/complaints",
                chunked.toString().getBytes(StandardCharsets.UTF_8), -2, "Content-Type: application/json", "Transfer-Encoding: chunked");
        assertProblem(streamed, 413);
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertProblemBody(response.body(), status);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertProblemBody(answer.body(), status);
    }

    private static void assertProblemBody(String body, int status) throws Exception {
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
