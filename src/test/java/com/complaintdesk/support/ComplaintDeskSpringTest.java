package com.complaintdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring configuration of the integration tests: the whole application with the demo profile on the shared
 * embedded PostgreSQL, on a random port. Every @SpringBootTest uses this annotation and nothing else, so Spring
 * starts the context once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(PostgresTestConfiguration.class)
public @interface ComplaintDeskSpringTest {
}
