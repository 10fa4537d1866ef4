package com.complaintdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring configuration of the integration tests: the whole application with the demo profile on the shared
 * embedded PostgreSQL, on a random port, sending its e-mail to the tests' SMTP server (TestMailServer), on a clock a test
 * may pin (TestClock). Every @SpringBootTest uses this annotation and nothing else, so Spring starts the context once
 * for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({PostgresTestConfiguration.class, TestClock.Configuration.class})
@ContextConfiguration(initializers = TestMailServer.class)
public @interface ComplaintDeskSpringTest {
}
