package com.complaintdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An application the harness starts as a JVM of its own: its start time, resident memory and CPU time. */
final class AppProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Process process;
    final double startupSeconds;

    private AppProcess(String name, int port, Process process, double startupSeconds) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startupSeconds = startupSeconds;
    }

    /**
     * Starts {@code mainClass} and waits until its HTTP port answers /engine-rest/engine (any status: our application
     * asks for a login there). The start time runs from launching the JVM to that first answer.
     */
    static AppProcess start(String name, List<String> jvmFlags, String classPath, String mainClass, List<String> args,
                            Map<String, String> env, Path workDir, Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.add("--server.port=" + port);
        command.addAll(args);
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(workDir.resolve(name + ".log").toFile());
            builder.environment().putAll(env);
            long t0 = System.nanoTime();
            Process process = builder.start();
            long deadline = t0 + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + workDir.resolve(name + ".log"));
                }
                if (answers(port)) {
                    return new AppProcess(name, port, process, (System.nanoTime() - t0) / 1e9);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start within " + timeout + "; see " + workDir.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            PROBE.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident set size in MiB (VmRSS of /proc/PID/status). */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS for " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time the whole JVM has used so far (user and system, every thread), in milliseconds. */
    double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos() / 1e6;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
