package com.complaintdesk.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.context.annotation.Bean;

/** Points the application at the shared embedded PostgreSQL: tests run on the production database kind, never a mock. */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    @Bean
    DynamicPropertyRegistrar embeddedPostgresProperties() {
        return registry -> {
            registry.add("spring.datasource.url", () -> EmbeddedPostgres.jdbcUrl("postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        };
    }
}
