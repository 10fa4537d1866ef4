package com.complaintdesk.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh in-memory H2 2.x database, the embedded database of `mvn spring-boot:run`, with our Flyway migrations
 * applied: for the tests that check our SQL on H2 (the Spring tests run on PostgreSQL).
 */
public final class MigratedH2 {

    private MigratedH2() {
    }

    /** A new database of its own (named after {@code purpose}), migrated. */
    public static DriverManagerDataSource create(String purpose) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + purpose + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
