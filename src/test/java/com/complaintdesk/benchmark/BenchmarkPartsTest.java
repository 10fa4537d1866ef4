package com.complaintdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's own parts that need no running application: the bare process, percentiles, start pieces, report. */
class BenchmarkPartsTest {

    @Test
    void theBareProcessHasTheLifecyclesUserTasksWithTheirGroupsAndAsManyEmptyServiceTasks() {
        List<Benchmark.Step> path = Benchmark.feeDisputePath(LocalDate.of(2026, 12, 1));
        BpmnModelInstance model = Benchmark.shapedProcess(path, 8);

        assertThat(model.getModelElementsByType(Process.class)).singleElement()
                .satisfies(process -> assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1"));
        List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));
        assertThat(userTasks).hasSize(path.size());
        assertThat(userTasks).extracting(UserTask::getCamundaCandidateGroups).containsExactly("customer-service",
                "compliance-legal", "compliance-legal", "customer-service", "customer-service", "customer-service",
                "customer-service");
        assertThat(model.getModelElementsByType(ServiceTask.class)).hasSize(8)
                .allSatisfy(task -> {
                    assertThat(task.getCamundaExpression()).isEqualTo("${true}");
                    assertThat(task.getExtensionElements()).isNull();
                });
    }

    @Test
    void theBareApplicationHasTheCamundaStartersLibrariesFromOurClassPathAndNoneOfOurs() {
        List<String> dependencies = Benchmark.bareDependencies();
        String ourClassPath = System.getProperty("java.class.path");

        List<String> jars = Benchmark.bareJars(ourClassPath, dependencies);

        assertThat(jars).hasSameSizeAs(dependencies).doesNotHaveDuplicates();
        // what Camunda's REST starter needs (Jersey validates with Hibernate Validator) is there
        assertThat(jars).anyMatch(jar -> jar.contains("hibernate-validator")).anyMatch(jar -> jar.contains("camunda-engine-rest-core"))
                .anyMatch(jar -> jar.contains("HikariCP")).anyMatch(jar -> jar.contains("/com/sun/xml/bind/jaxb-impl/"));
        // and nothing only we add
        assertThat(jars).noneMatch(jar -> jar.matches(".*/(flyway-core|hibernate-core|thymeleaf|poi|springdoc-openapi-starter-common"
                + "|spring-boot-actuator|camunda-spin-core|postgresql|micrometer-core|bucket4j_jdk17-core)/.*"));
        assertThatThrownBy(() -> Benchmark.bareJars(ourClassPath, List.of("org.example:not-a-library")))
                .hasMessageContaining("org.example:not-a-library");
    }

    @Test
    void percentilesAreNearestRank() {
        long[] values = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};
        assertThat(Load.percentile(values, 50)).isEqualTo(50);
        assertThat(Load.percentile(values, 95)).isEqualTo(100);
        assertThat(Load.percentile(values, 10)).isEqualTo(10);
    }

    @Test
    void aBeansStartTimeCountsWithoutTheBeansCreatedInsideIt() throws Exception {
        JsonNode startup = Rest.JSON.readTree("""
                {"timeline": {"events": [
                  {"startupStep": {"name": "spring.beans.instantiate", "id": 1, "parentId": 0,
                                   "tags": [{"key": "beanName", "value": "entityManagerFactory"}]}, "duration": "PT0.5S"},
                  {"startupStep": {"name": "spring.beans.instantiate", "id": 2, "parentId": 1,
                                   "tags": [{"key": "beanName", "value": "flywayInitializer"},
                                            {"key": "beanType", "value": "org.flywaydb.core.Flyway"}]}, "duration": "PT0.2S"},
                  {"startupStep": {"name": "spring.beans.instantiate", "id": 3, "parentId": 0,
                                   "tags": [{"key": "beanName", "value": "deadlines"},
                                            {"key": "beanType", "value": "com.complaintdesk.deadline.DeadlineService"}]},
                   "duration": "PT0.05S"}]}}""");

        Map<String, Double> pieces = StartupSteps.ownTimeByPiece(startup);

        assertThat(pieces.get("jpa_hibernate")).isEqualTo(300.0);
        assertThat(pieces.get("flyway")).isEqualTo(200.0);
        assertThat(pieces.get("complaint_desk")).isEqualTo(50.0);
        assertThat(pieces.get("springdoc")).isZero();
    }

    @Test
    void theReportReplacesOnlyItsTable(@TempDir Path folder) throws Exception {
        Path report = folder.resolve("performance.md");
        Files.writeString(report, "# Performance\n\nWritten by hand.\n\n" + Benchmark.TABLE_START + "\nold\n"
                + Benchmark.TABLE_END + "\n\n## Why\n\nAlso by hand.\n");
        Benchmark.Settings settings = new Benchmark.Settings(List.of("h2"), Benchmark.PHASES, 10, 5, 1, List.of(100, 200), 10, 10, 1, 1,
                false, List.of("-Xmx1g"), folder, report, "", folder, folder);

        Report.write(settings, Map.of("h2.intake_vs_rest_start", 0.4, "h2.queue_p95_ms_200", 12.5, "startup_vs_bare", 1.2),
                java.time.Instant.parse("2026-12-01T01:00:00Z"));

        String text = Files.readString(report);
        assertThat(text).startsWith("# Performance\n\nWritten by hand.\n\n" + Benchmark.TABLE_START)
                .endsWith(Benchmark.TABLE_END + "\n\n## Why\n\nAlso by hand.\n")
                .doesNotContain("\nold\n")
                .contains("| `intake_vs_rest_start` | filings/s ÷ empty process starts/s through /engine-rest, 16 clients | ≥ 0.5 | 0.40 **missed** |")
                .contains("| `queue_p95_ms_200` |", "| 12.5 |")
                .contains("h2.intake_vs_rest_start=0.40");
    }

    @Test
    void aRunOfTheStartAloneShowsItsFiguresInOneColumn(@TempDir Path folder) throws Exception {
        Path report = folder.resolve("performance.md");
        Benchmark.Settings settings = new Benchmark.Settings(List.of(), List.of("startup"), 10, 5, 1, List.of(100, 200), 10, 10, 3,
                20, false, List.of("-Xmx1g"), folder, report, "", folder, folder);

        Report.write(settings, Map.of("startup_vs_bare", 1.61, "idle_rss_vs_bare", 1.18),
                java.time.Instant.parse("2026-12-02T01:00:00Z"));

        assertThat(Files.readString(report))
                .contains("| Figure | What | Target | value |")
                .contains("(H2, no demo data) | ≤ 1.3 | 1.61 **missed** |")
                .contains("(H2, no demo data) | ≤ 1.2 | 1.18 |")
                .contains("| `step_vs_bare` | ms per task completion ÷ bare process of the same shape | ≤ 1.3 | – |");
    }

    @Test
    void theBareTimerProcessWaitsWithOneNonInterruptingTimerPerInstance() {
        org.camunda.bpm.model.bpmn.BpmnModelInstance model = Benchmark.timerProcess();
        org.camunda.bpm.model.bpmn.Bpmn.validateModel(model);

        org.camunda.bpm.model.bpmn.instance.BoundaryEvent timer = model.getModelElementById("Timer_Remind");
        org.camunda.bpm.model.bpmn.instance.SubProcess wait = model.getModelElementById("Wait");
        assertThat(timer.cancelActivity()).isFalse();
        assertThat(timer.getAttachedTo().getId()).isEqualTo("Task_Wait");
        assertThat(wait.getLoopCharacteristics()).isNotNull();
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ServiceTask.class)).isEmpty();
        org.camunda.bpm.model.bpmn.instance.UserTask task = model.getModelElementById("Task_Wait");
        assertThat(task.getCamundaCandidateGroups()).isEqualTo("customer-service");
        assertThat(task.getCamundaFormRef()).isEqualTo("triage-complaint");
        assertThat(task.getCamundaFormRefBinding()).as("the engine refuses a formRef without binding").isEqualTo("latest");
    }

    @Test
    void aBareTaskNamesTheFormOfTheTaskItStandsFor() {
        assertThat(Benchmark.formOf("Task_AuditFees")).isEqualTo("audit-fees");
        assertThat(Benchmark.formOf("Task_TriageComplaint")).isEqualTo("triage-complaint");
        assertThat(Benchmark.feeDisputePath(java.time.LocalDate.of(2026, 12, 1)))
                .allSatisfy(step -> assertThat(Path.of("forms", Benchmark.formOf(step.taskKey()) + ".form")).exists());
    }
}
