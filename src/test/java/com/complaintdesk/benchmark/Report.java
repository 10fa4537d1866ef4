package com.complaintdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/** Writes the latest figures as a table between the markers of docs/performance.md. */
final class Report {

    /** A figure with its target: name (without database prefix), what it is, the target and its test. */
    record Target(String name, String what, String target, DoublePredicate met) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("intake_vs_rest_start", "filings/s ÷ empty process starts/s through /engine-rest, 16 clients", "≥ 0.5", v -> v >= 0.5),
            new Target("intake_p99_ms", "filing p99 at 16 clients (ms)", "< 250", v -> v < 250),
            new Target("intake_errors", "filings not answered 201", "0", v -> v == 0),
            new Target("intake_c4_vs_c1", "filings/s at 4 clients ÷ at 1 client", "≥ 1.5", v -> v >= 1.5),
            new Target("step_vs_bare", "ms per task completion ÷ bare process of the same shape", "≤ 1.3", v -> v <= 1.3),
            new Target("lifecycle_cpu_vs_bare", "process CPU per lifecycle ÷ bare process of the same shape", "≤ 2", v -> v <= 2),
            new Target("queue_p95_ms_LARGEST", "department filter, first page of 15, p95 (ms), at the largest size", "< 150", v -> v < 150),
            new Target("queue_growth", "queue p95 at the largest size ÷ at the smallest", "≤ 2", v -> v <= 2),
            new Target("reminders_per_s", "due task reminders (task_reminder rows) written to the outbox by the dispatcher, per second",
                    "(reported)", v -> true),
            new Target("bare_timer_jobs_per_s", "baseline: due timer jobs of a bare process worked off by the job executor, per second",
                    "(reported)", v -> true));

    static final List<Target> GLOBAL = List.of(
            new Target("startup_vs_bare", "start to first HTTP answer ÷ bare Camunda app (median of restarts)", "≤ 1.3", v -> v <= 1.3),
            new Target("idle_rss_vs_bare", "resident memory when idle ÷ bare Camunda app", "≤ 1.2", v -> v <= 1.2));

    private Report() {
    }

    static void write(Benchmark.Settings settings, Map<String, Double> figures, Instant started) {
        List<String> lines = new ArrayList<>();
        lines.add(Benchmark.TABLE_START);
        lines.add("Latest run: " + started.truncatedTo(ChronoUnit.SECONDS) + " to " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " on " + Machine.describe() + ".");
        lines.add("");
        lines.add("Settings: `-Dbench.filings=" + settings.filings() + " -Dbench.filings.small=" + settings.filingsSmall()
                + " -Dbench.lifecycles=" + settings.lifecycles() + " -Dbench.queue.sizes=" + join(settings.queueSizes())
                + " -Dbench.reminders=" + settings.reminders() + " -Dbench.startup.rounds=" + settings.startupRounds()
                + " -Dbench.phases=" + String.join(",", settings.phases())
                + "`, JVM flags `" + String.join(" ", settings.jvmFlags()) + "`.");
        lines.add("");
        List<String> databases = settings.databases();
        StringBuilder header = new StringBuilder("| Figure | What | Target |");
        StringBuilder rule = new StringBuilder("| --- | --- | --- |");
        // a run of the start phase alone (-Dbench.databases=none) still shows its figures: one column of values
        List<String> columns = databases.isEmpty() ? List.of("value") : databases;
        for (String column : columns) {
            header.append(' ').append(column).append(" |");
            rule.append(" --- |");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        int largest = settings.queueSizes().get(settings.queueSizes().size() - 1);
        for (Target target : TARGETS) {
            String name = target.name().replace("LARGEST", Integer.toString(largest));
            StringBuilder row = new StringBuilder("| `" + name + "` | " + target.what() + " | " + target.target() + " |");
            for (String column : columns) {
                Double value = figures.get(column + "." + name);
                row.append(' ').append(value == null ? "–" : format(value) + (target.met().test(value) ? "" : " **missed**")).append(" |");
            }
            lines.add(row.toString());
        }
        for (Target target : GLOBAL) {
            Double value = figures.get(target.name());
            String cell = value == null ? "–" : format(value) + (target.met().test(value) ? "" : " **missed**");
            StringBuilder row = new StringBuilder("| `" + target.name() + "` | " + target.what() + " (H2, no demo data) | "
                    + target.target() + " |");
            columns.forEach(d -> row.append(' ').append(cell).append(" |"));
            lines.add(row.toString());
        }
        lines.add("");
        lines.add("All figures of the run (`name=value`, as printed):");
        lines.add("");
        lines.add("```");
        figures.forEach((name, value) -> lines.add(name + "=" + format(value)));
        lines.add("```");
        lines.add(Benchmark.TABLE_END);
        String table = String.join("\n", lines);
        replaceSection(settings.report(), table);
        System.out.println(table);
    }

    private static void replaceSection(Path report, String section) {
        try {
            String text = Files.exists(report) ? Files.readString(report) : "# Performance\n\n" + Benchmark.TABLE_START + "\n" + Benchmark.TABLE_END + "\n";
            int start = text.indexOf(Benchmark.TABLE_START);
            int end = text.indexOf(Benchmark.TABLE_END);
            if (start < 0 || end < start) {
                text = text + "\n" + section + "\n";
            } else {
                text = text.substring(0, start) + section + text.substring(end + Benchmark.TABLE_END.length());
            }
            Files.writeString(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
