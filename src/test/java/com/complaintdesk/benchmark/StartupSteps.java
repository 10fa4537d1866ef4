package com.complaintdesk.benchmark;

import com.complaintdesk.ComplaintDeskApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

/**
 * Complaint Desk started with Spring's startup recorder, for the benchmark's breakdown of start time by piece
 * (springdoc, JPA and Hibernate, Flyway, the Camunda engine and web apps, actuator, our own beans). The harness reads
 * the steps from {@code /actuator/startup} and sums each bean's own time (less the beans it created inside) by the
 * package of its type.
 */
public final class StartupSteps {

    private StartupSteps() {
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ComplaintDeskApplication.class);
        application.setApplicationStartup(new BufferingApplicationStartup(50_000));
        application.run(args);
    }

    /** The pieces by package prefix of the bean type (or bean name when the type is unknown), first match wins. */
    static final Map<String, List<String>> PIECES = pieces(
            "springdoc", List.of("org.springdoc", "io.swagger"),
            "jpa_hibernate", List.of("org.hibernate", "org.springframework.orm", "org.springframework.data", "jakarta.persistence",
                    "entityManagerFactory", "jpa"),
            "flyway", List.of("org.flywaydb", "flyway"),
            "camunda_engine", List.of("org.camunda.bpm.engine", "org.camunda.bpm.spring.boot.starter.configuration",
                    "org.camunda.bpm.spring.boot.starter.CamundaBpm", "processEngine"),
            "camunda_webapps_rest", List.of("org.camunda.bpm.spring.boot.starter.webapp", "org.camunda.bpm.spring.boot.starter.rest",
                    "org.camunda.bpm.webapp", "org.camunda.bpm.engine.rest", "org.glassfish", "jersey"),
            "actuator", List.of("org.springframework.boot.actuate", "io.micrometer"),
            "mail", List.of("org.springframework.boot.autoconfigure.mail", "org.springframework.mail"),
            "complaint_desk", List.of("com.complaintdesk"),
            "data_source", List.of("com.zaxxer", "org.springframework.boot.autoconfigure.jdbc", "dataSource"),
            "web_server", List.of("org.springframework.boot.web", "org.springframework.boot.autoconfigure.web", "org.apache.catalina",
                    "tomcat"));

    /** Own time (ms) per piece, from the steps of /actuator/startup. */
    static Map<String, Double> ownTimeByPiece(JsonNode startup) {
        JsonNode events = startup.path("timeline").path("events");
        Map<Long, Double> childTime = new HashMap<>();
        for (JsonNode event : events) {
            long parent = event.path("startupStep").path("parentId").asLong(-1);
            childTime.merge(parent, millis(event), Double::sum);
        }
        Map<String, Double> byPiece = new LinkedHashMap<>();
        PIECES.keySet().forEach(piece -> byPiece.put(piece, 0.0));
        byPiece.put("other_beans", 0.0);
        for (JsonNode event : events) {
            JsonNode step = event.path("startupStep");
            if (!"spring.beans.instantiate".equals(step.path("name").asText())) {
                continue;
            }
            String beanName = "";
            String beanType = "";
            for (JsonNode tag : step.path("tags")) {
                if ("beanName".equals(tag.path("key").asText())) {
                    beanName = tag.path("value").asText();
                } else if ("beanType".equals(tag.path("key").asText())) {
                    beanType = tag.path("value").asText();
                }
            }
            double own = Math.max(0, millis(event) - childTime.getOrDefault(step.path("id").asLong(), 0.0));
            byPiece.merge(pieceOf(beanType.isEmpty() ? beanName : beanType + " " + beanName), own, Double::sum);
        }
        return byPiece;
    }

    private static String pieceOf(String bean) {
        for (Map.Entry<String, List<String>> piece : PIECES.entrySet()) {
            if (piece.getValue().stream().anyMatch(bean::contains)) {
                return piece.getKey();
            }
        }
        return "other_beans";
    }

    private static double millis(JsonNode event) {
        return Duration.parse(event.path("duration").asText("PT0S")).toNanos() / 1e6;
    }

    private static Map<String, List<String>> pieces(Object... namesAndPrefixes) {
        Map<String, List<String>> pieces = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPrefixes.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> prefixes = (List<String>) namesAndPrefixes[i + 1];
            pieces.put((String) namesAndPrefixes[i], prefixes);
        }
        return pieces;
    }
}
