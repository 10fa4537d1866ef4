package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * Keeps what README.md and docs/ say honest where it can be counted: the README's size, every link between the files
 * (and the heading it points at), the coverage figures of docs/testing.md against the models and the coverage
 * threshold, the tag on every browser test (so -DexcludedGroups=browser leaves them all out), and which processes
 * remind their tasks. The demo logins are checked against the seeder in identity/DemoLoginsDocumentedTest.
 */
class DocsClaimsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final int README_LIMIT = 12 * 1024;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SELENIUM_IMPORT = Pattern.compile("^import org\\.openqa\\.selenium\\.", Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);

    @Test
    void readmeIsUnderTwelveKilobytes() throws IOException {
        assertThat(Files.size(PROJECT.resolve("README.md"))).as("README.md size in bytes").isLessThan(README_LIMIT);
    }

    @Test
    void everyLinkBetweenTheDocsLeadsToAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : markdownFiles()) {
            String text = withoutCodeBlocks(read(doc));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto: outside the repository
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(PROJECT.relativize(doc) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(read(resolved)).contains(anchor)) {
                    broken.add(PROJECT.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links in README.md and docs/").isEmpty();
    }

    @Test
    void theCoverageFiguresOfTheTestingPageAreTheModels() throws IOException {
        String testing = read(PROJECT.resolve("docs/testing.md")).replaceAll("\\s+", " ");
        Matcher claim = Pattern.compile("the four models have (\\d+) of them \\((\\d+), (\\d+), (\\d+) and (\\d+)\\)")
                .matcher(testing);
        assertThat(claim.find()).as("docs/testing.md names the models' element count").isTrue();
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (String model : List.of("complaint-lifecycle", "settlement-execution", "legal-proceedings", "regulator-referral")) {
            BpmnModelInstance instance = Bpmn.readModelFromFile(PROJECT.resolve("processes/" + model + ".bpmn").toFile());
            counted.put(model, instance.getModelElementsByType(FlowNode.class).size()
                    + instance.getModelElementsByType(SequenceFlow.class).size());
        }
        List<Integer> claimed = List.of(Integer.valueOf(claim.group(2)), Integer.valueOf(claim.group(3)),
                Integer.valueOf(claim.group(4)), Integer.valueOf(claim.group(5)));
        assertThat(claimed).as("flow nodes and sequence flows per model " + counted.keySet())
                .containsExactlyElementsOf(counted.values());
        assertThat(Integer.valueOf(claim.group(1))).as("flow nodes and sequence flows of the four models")
                .isEqualTo(counted.values().stream().mapToInt(Integer::intValue).sum());

        Matcher threshold = Pattern.compile("fewer than (\\d+) % \\(`ComplaintLifecycleProcessTest.MINIMUM_COVERAGE`\\)")
                .matcher(testing);
        assertThat(threshold.find()).as("docs/testing.md names the coverage threshold").isTrue();
        // read from the source: loading the class would start its process engine
        String processTest = read(PROJECT.resolve("src/test/java/com/complaintdesk/lifecycle/ComplaintLifecycleProcessTest.java"));
        Matcher minimum = Pattern.compile("MINIMUM_COVERAGE = ([0-9.]+);").matcher(processTest);
        assertThat(minimum.find()).as("ComplaintLifecycleProcessTest.MINIMUM_COVERAGE").isTrue();
        assertThat(Math.round(Double.parseDouble(minimum.group(1)) * 100)).as("the coverage threshold in percent")
                .isEqualTo(Long.parseLong(threshold.group(1)));
    }

    @Test
    void everyBrowserTestIsTaggedSoExcludedGroupsLeavesThemAllOut() throws IOException {
        List<String> untagged = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(PROJECT.resolve("src/test/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = read(source);
                boolean drivesABrowser = SELENIUM_IMPORT.matcher(text).find();
                boolean hasTests = text.contains("@Test") || text.contains("@ParameterizedTest") || text.contains("@Nested");
                if (drivesABrowser && hasTests && !text.contains("@Tag(\"browser\")")) {
                    untagged.add(PROJECT.relativize(source).toString());
                }
            }
        }
        assertThat(untagged).as("tests that drive a browser without @Tag(\"browser\")").isEmpty();
        assertThat(read(PROJECT.resolve("docs/testing.md"))).contains("mvn verify -DexcludedGroups=browser");
    }

    @Test
    void theProcessesThatRemindTheirTasksAreTheOnesTheLifecyclePageNames() throws IOException {
        Set<String> reminding = new TreeSet<>();
        Set<String> remindingWhereDue = new TreeSet<>();
        try (Stream<Path> models = Files.list(PROJECT.resolve("processes"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
                List<UserTask> tasks = List.copyOf(instance.getModelElementsByType(UserTask.class));
                List<UserTask> scheduled = tasks.stream()
                        .filter(task -> task.getExtensionElements() != null && task.getExtensionElements()
                                .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                                .anyMatch(listener -> "create".equals(listener.getCamundaEvent())
                                        && "${taskReminders.schedule(task)}".equals(listener.getCamundaExpression())))
                        .toList();
                String name = model.getFileName().toString().replace(".bpmn", "");
                if (scheduled.size() == tasks.size()) {
                    reminding.add(name);
                } else {
                    List<UserTask> withDueDate = tasks.stream().filter(task -> task.getCamundaDueDate() != null).toList();
                    assertThat(scheduled).as(name + ": the tasks that remind are the ones with a due date of their own")
                            .containsExactlyInAnyOrderElementsOf(withDueDate);
                    remindingWhereDue.add(name);
                }
            }
        }
        String lifecycle = read(PROJECT.resolve("docs/lifecycle.md")).replaceAll("\\s+", " ");
        Matcher claim = Pattern.compile("Every user task of `([a-z-]+)` and `([a-z-]+)` reminds .*? In `([a-z-]+)` and "
                + "`([a-z-]+)` only the tasks with a due date of their own remind").matcher(lifecycle);
        assertThat(claim.find()).as("docs/lifecycle.md says which processes remind their tasks").isTrue();
        assertThat(Set.of(claim.group(1), claim.group(2))).as("processes whose every task reminds").isEqualTo(reminding);
        assertThat(Set.of(claim.group(3), claim.group(4))).as("processes whose tasks with a due date remind")
                .isEqualTo(remindingWhereDue);
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(PROJECT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(withoutCodeBlocks(markdown));
        while (heading.find()) {
            anchors.add(heading.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
