package com.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.ComplaintDeskApplication;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one PostgreSQL database, started as production starts them (profiles postgres and https,
 * no demo data, the database and admin password from the variables of docs/operations.md), each with its own job executor.
 *
 * <ol>
 *   <li>1,000 due timers fire exactly once across the two nodes, and both nodes fire some.</li>
 *   <li>A complaint registered on one node is triaged on the other.</li>
 *   <li>A node stopped in the middle of its jobs: the other node runs them once their locks expire.</li>
 * </ol>
 *
 * Every firing is written to a test table whose primary key is the process instance, inside the job's transaction:
 * a second firing of the same timer could not commit. The nodes share this JVM, so each gets its own engine name
 * (Camunda keeps a static registry of engines by name); on separate machines both would be "default".
 * The last test stops node A, so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodeClusterTest.class);

    private static final String DATABASE = "complaintdesk";
    private static final String DATABASE_USER = "complaintdesk";
    private static final String ADMIN_PASSWORD = "cluster-" + UUID.randomUUID();
    /** How long a node's job executor holds a job before another node may take it (production: 5 minutes). */
    private static final int LOCK_TIME_MILLIS = 5_000;
    private static final int TIMERS = 1_000;
    private static final int SLOW_JOBS = 5;
    private static final int JOB_THREADS = 3;

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate database;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ThreadPoolExecutor jobThreadsOfA;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // what the psql and createdb lines of docs/operations.md do
        JdbcTemplate server = new JdbcTemplate(postgres.getPostgresDatabase());
        server.execute("create role " + DATABASE_USER + " login password 'not-checked-by-the-embedded-server'");
        server.execute("create database " + DATABASE + " owner " + DATABASE_USER);
        database = new JdbcTemplate(postgres.getDatabase(DATABASE_USER, DATABASE));

        nodeA = startNode("nodeA");
        jobThreadsOfA = nodeA.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class).getThreadPoolExecutor();
        database.execute("""
                create table cluster_test_firing (
                    process_instance_id varchar(64) primary key,
                    activity_id         varchar(64) not null,
                    node                varchar(20) not null,
                    fired_at            timestamp   not null)""");
        nodeB = startNode("nodeB");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (jobThreadsOfA != null) {
            endTheStalledWorkOfNodeA();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * Lets the threads that hung in node A's work finish. They fail against node A's closed database pool and roll
     * back; the engine's complaints about that are kept out of the build log.
     */
    private static void endTheStalledWorkOfNodeA() throws InterruptedException {
        LoggingSystem logging = LoggingSystem.get(TwoNodeClusterTest.class.getClassLoader());
        List<String> noisy = List.of("org.camunda.bpm.engine", "org.camunda.bpm.engine.jobexecutor",
                "com.zaxxer.hikari", "org.springframework.transaction");
        Map<String, LogLevel> levels = new HashMap<>(); // a null level: inherited, as before
        noisy.forEach(name -> levels.put(name, Optional.ofNullable(logging.getLoggerConfiguration(name))
                .map(LoggerConfiguration::getConfiguredLevel).orElse(null)));
        noisy.forEach(name -> logging.setLogLevel(name, LogLevel.OFF));
        try {
            ClusterProbe.release.countDown();
            jobThreadsOfA.shutdownNow();
            assertThat(jobThreadsOfA.awaitTermination(30, TimeUnit.SECONDS)).as("node A's job threads end").isTrue();
        } finally {
            levels.forEach(logging::setLogLevel);
        }
    }

    @Test
    @Order(1)
    void eachNodeRunsAsInProductionWithTheAdminPasswordFromTheEnvironmentAndHttpsOnlyCookies() {
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            IdentityService identity = node.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
            assertThat(identity.createUserQuery().userId("zhang.wei").count()).as("no demo users").isZero();
        }

        // the web apps' engine list (their pages want an engine named "default", which the nodes of this JVM are not)
        HttpResponse<String> webapps = Http.on(port(nodeA)).get("/camunda/api/engine/engine");
        assertThat(webapps.statusCode()).isEqualTo(200);
        assertThat(webapps.body()).contains("\"name\":\"nodeA\"", "\"name\":\"nodeB\"");
        assertThat(webapps.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        List<String> cookies = webapps.headers().allValues("Set-Cookie");
        assertThat(cookies).anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("XSRF-TOKEN="))
                .allMatch(c -> Arrays.stream(c.split(";")).map(String::strip).anyMatch("Secure"::equalsIgnoreCase));
    }

    @Test
    @Order(2)
    void aThousandDueTimersFireExactlyOnceAcrossBothNodes() {
        BpmnModelInstance timers = Bpmn.createExecutableProcess("cluster-timers")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .intermediateCatchEvent("Timer_Due").timerWithDate("2020-01-01T00:00:00")
                .camundaExecutionListenerExpression("end", "${clusterProbe.fired(execution)}")
                .endEvent("End")
                .done();
        service(nodeA, RepositoryService.class).createDeployment().addModelInstance("cluster-timers.bpmn", timers).deploy();
        Instant started = Instant.now();

        // half the instances started on each node, in transactions of 100
        for (int batch = 0; batch < TIMERS / 100; batch++) {
            ConfigurableApplicationContext node = batch % 2 == 0 ? nodeA : nodeB;
            RuntimeService runtime = service(node, RuntimeService.class);
            new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                    IntStream.range(0, 100).forEach(i -> runtime.startProcessInstanceByKey("cluster-timers")));
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> firings("Timer_Due"), count -> count == TIMERS);
        Map<String, Long> byNode = firingsByNode("Timer_Due");
        log.info("{} timers fired in {} ms: {}", TIMERS, Duration.between(started, Instant.now()).toMillis(), byNode);

        assertThat(byNode.keySet()).containsExactlyInAnyOrder("nodeA", "nodeB");
        assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TIMERS);
        HistoryService history = service(nodeB, HistoryService.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("cluster-timers").finished().count() == TIMERS);
        assertThat(history.createHistoricActivityInstanceQuery().activityId("Timer_Due").finished().count()).isEqualTo(TIMERS);
        assertThat(history.createHistoricJobLogQuery().processDefinitionKey("cluster-timers").failureLog().count())
                .as("failed job executions").isZero();
        ManagementService management = service(nodeA, ManagementService.class);
        assertThat(management.createJobQuery().processDefinitionKey("cluster-timers").count()).isZero();
        assertThat(service(nodeA, RuntimeService.class).createIncidentQuery().count()).isZero();
    }

    @Test
    @Order(3)
    void aComplaintRegisteredOnOneNodeIsTriagedOnTheOther() {
        String merchant = "M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        IntakeService.Registered registered = nodeA.getBean(IntakeService.class).register(new ComplaintRegistration(
                Channel.HOTLINE, "广州市测试商户有限公司", "13800138000", null, merchant, "SN-" + merchant,
                Category.FEE_DISPUTE, false, "手续费未经通知上调 Fee rate raised without notice", new BigDecimal("0.60"),
                List.of(new ComplaintRegistration.TransactionLine("TX-" + merchant, Instant.parse("2026-11-20T06:30:00Z"),
                        new BigDecimal("1000.00"), new BigDecimal("7.80")))));
        String number = registered.complaint().getComplaintNumber();

        TaskService tasksOnB = service(nodeB, TaskService.class);
        Task triage = tasksOnB.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").singleResult();
        assertThat(triage).as("node B sees the triage task of a complaint registered on node A").isNotNull();
        tasksOnB.complete(triage.getId(), Variables.createVariables()
                .putValue(Lifecycle.CATEGORY.name(), Category.FEE_DISPUTE.name())
                .putValue(Lifecycle.SUB_CATEGORY.name(), "RATE_RAISED_WITHOUT_NOTICE")
                .putValue(Lifecycle.EVIDENCE_REQUIRED.name(), false)
                .putValue(Lifecycle.IS_DUPLICATE.name(), false));

        TaskService tasksOnA = service(nodeA, TaskService.class);
        Task audit = await().atMost(Duration.ofSeconds(20)).until(() -> tasksOnA.createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("Task_AuditFees").singleResult(), task -> task != null);
        assertThat(audit.getProcessInstanceId()).isEqualTo(registered.complaint().getProcessInstanceId());
        assertThat(nodeA.getBean(ComplaintRecords.class).get(number).getDepartment()).isEqualTo("compliance-legal");
    }

    @Test
    @Order(4)
    void jobsOfAStoppedNodeAreTakenOverOnceTheirLocksExpire() {
        BpmnModelInstance slow = Bpmn.createExecutableProcess("cluster-takeover")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .serviceTask("Task_SlowWork").camundaAsyncBefore().camundaExpression("${clusterProbe.work(execution)}")
                .endEvent("End")
                .done();
        service(nodeA, RepositoryService.class).createDeployment().addModelInstance("cluster-takeover.bpmn", slow).deploy();

        // node B pauses its job executor, so that node A takes every job; node A's work hangs
        JobExecutor executorOfB = nodeB.getBean(JobExecutor.class);
        executorOfB.shutdown();
        ClusterProbe.stallOn = "nodeA";
        String lockOwnerOfA = nodeA.getBean(JobExecutor.class).getLockOwner();
        RuntimeService runtimeOnA = service(nodeA, RuntimeService.class);
        new TransactionTemplate(nodeA.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                IntStream.range(0, SLOW_JOBS).forEach(i -> runtimeOnA.startProcessInstanceByKey("cluster-takeover")));

        await().atMost(Duration.ofSeconds(20)).until(() -> ClusterProbe.stalled.get() == JOB_THREADS
                && jobsLockedBy(lockOwnerOfA) == SLOW_JOBS);
        Map<String, Timestamp> lockExpiryByInstance = database.query(
                "select process_instance_id_, lock_exp_time_ from act_ru_job where process_def_key_ = 'cluster-takeover'",
                (row, i) -> Map.entry(row.getString(1), row.getTimestamp(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        // node A stops with its threads still in the work and its other jobs queued; node B works again
        executorOfB.start();
        nodeA.close();

        await().atMost(Duration.ofSeconds(LOCK_TIME_MILLIS / 1000 + 30)).pollInterval(Duration.ofMillis(250))
                .until(() -> firings("Task_SlowWork"), count -> count == SLOW_JOBS);
        assertThat(firingsByNode("Task_SlowWork")).containsExactly(Map.entry("nodeB", (long) SLOW_JOBS));
        database.query("select process_instance_id, fired_at from cluster_test_firing where activity_id = 'Task_SlowWork'",
                (row, i) -> Map.entry(row.getString(1), row.getTimestamp(2)))
                .forEach(firing -> assertThat(firing.getValue()).as("node B ran %s only after node A's lock expired", firing.getKey())
                        .isAfterOrEqualTo(lockExpiryByInstance.get(firing.getKey())));
        HistoryService history = service(nodeB, HistoryService.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("cluster-takeover").finished().count() == SLOW_JOBS);
        assertThat(service(nodeB, RuntimeService.class).createIncidentQuery().count()).isZero();
    }

    // ---- the nodes ----

    private static ConfigurableApplicationContext startNode(String name) {
        return new SpringApplicationBuilder(ComplaintDeskApplication.class, ClusterProbeConfiguration.class)
                .profiles("postgres", "https")
                .initializers(context -> context.getBeanFactory().registerSingleton("excludeTestConfigurations",
                        new ExcludeTestConfigurations()))
                // command-line arguments outrank the machine's environment variables
                .run("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--COMPLAINT_DESK_DB_URL=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
                        "--COMPLAINT_DESK_DB_USER=" + DATABASE_USER,
                        "--COMPLAINT_DESK_DB_PASSWORD=not-checked-by-the-embedded-server",
                        "--COMPLAINT_DESK_DB_POOL_SIZE=8",
                        "--COMPLAINT_DESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                        "--camunda.bpm.process-engine-name=" + name,
                        "--camunda.bpm.job-execution.core-pool-size=" + JOB_THREADS,
                        "--camunda.bpm.job-execution.max-pool-size=" + JOB_THREADS,
                        "--camunda.bpm.job-execution.queue-capacity=3",
                        "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
                        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                        "--camunda.bpm.job-execution.wait-time-in-millis=100",
                        "--camunda.bpm.job-execution.max-wait=500",
                        "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN",
                        // a stopping node waits this long for its running jobs (production: 30 s), so node A stops
                        // in the middle of its work
                        "--spring.lifecycle.timeout-per-shutdown-phase=1s",
                        "--cluster-test.node=" + name);
    }

    private static <T> T service(ConfigurableApplicationContext node, Class<T> type) {
        return node.getBean(type);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static long firings(String activityId) {
        return database.queryForObject("select count(*) from cluster_test_firing where activity_id = ?", Long.class, activityId);
    }

    private static Map<String, Long> firingsByNode(String activityId) {
        return database.queryForList("select node from cluster_test_firing where activity_id = ?", String.class, activityId)
                .stream().collect(Collectors.groupingBy(node -> node, Collectors.counting()));
    }

    private static long jobsLockedBy(String lockOwner) {
        return database.queryForObject("select count(*) from act_ru_job where process_def_key_ = 'cluster-takeover'"
                + " and lock_owner_ = ?", Long.class, lockOwner);
    }

    /**
     * What the test models call on whichever node runs the job: {@code fired} records a timer firing, {@code work}
     * records a job's work, or hangs on the node being stopped. A row is written in the job's transaction.
     */
    public static class ClusterProbe {

        static volatile String stallOn;
        static final AtomicInteger stalled = new AtomicInteger();
        static final CountDownLatch release = new CountDownLatch(1);

        private final JdbcTemplate jdbc;
        private final String node;

        ClusterProbe(JdbcTemplate jdbc, String node) {
            this.jdbc = jdbc;
            this.node = node;
        }

        public void fired(DelegateExecution execution) {
            record(execution);
        }

        public void work(DelegateExecution execution) {
            if (node.equals(stallOn)) {
                stalled.incrementAndGet();
                awaitReleaseIgnoringInterrupts(); // as a node that stops answering: stopping it does not end the work
                throw new IllegalStateException(node + " was stopped during its work");
            }
            record(execution);
        }

        private void record(DelegateExecution execution) {
            jdbc.update("insert into cluster_test_firing (process_instance_id, activity_id, node, fired_at) values (?, ?, ?, ?)",
                    execution.getProcessInstanceId(), execution.getCurrentActivityId(), node, Timestamp.from(Instant.now()));
        }

        private static void awaitReleaseIgnoringInterrupts() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        if (release.await(1, TimeUnit.MINUTES)) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClusterProbeConfiguration {

        @Bean
        ClusterProbe clusterProbe(JdbcTemplate jdbc, @Value("${cluster-test.node}") String node) {
            return new ClusterProbe(jdbc, node);
        }
    }

    /**
     * Keeps the test source tree's configurations (such as the shared embedded PostgreSQL of the Spring tests) out of
     * the nodes' component scan, as Spring Boot's test support does for @SpringBootTest.
     */
    static class ExcludeTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
