package com.complaintdesk.benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's baseline: a bare Camunda 7 Spring Boot application (engine, web apps, engine REST API) of the same
 * versions as Complaint Desk, with nothing of ours. The harness starts it on a class path without our classes and
 * without the libraries only we add (JPA, Flyway, springdoc, actuator, mail, Spin...), with the same JVM flags.
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
