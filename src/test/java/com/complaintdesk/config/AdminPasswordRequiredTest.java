package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import com.complaintdesk.ComplaintDeskApplication;
import com.complaintdesk.config.AdminPasswordCheck.AdminPasswordMissingException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the demo profile the administrator's password must come from COMPLAINT_DESK_ADMIN_PASSWORD: without it the
 * application stops at once, before any bean, database connection or port, and says why.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordRequiredTest {

    @Test
    void withoutTheDemoProfileAndWithoutAPasswordTheApplicationRefusesToStartAndSaysWhy(CapturedOutput output) {
        List<ApplicationEvent> events = new CopyOnWriteArrayList<>();
        SpringApplicationBuilder production = new SpringApplicationBuilder(ComplaintDeskApplication.class)
                .profiles("postgres") // no database behind it: the check comes first
                .listeners(events::add);

        // a command-line argument outranks the machine's environment, so the variable counts as unset here
        assertTimeout(Duration.ofSeconds(30), () -> assertThatThrownBy(
                () -> production.run("--COMPLAINT_DESK_ADMIN_PASSWORD=", "--server.port=0"))
                .isInstanceOf(AdminPasswordMissingException.class)
                .hasMessage("COMPLAINT_DESK_ADMIN_PASSWORD is not set: the Camunda administrator 'admin' has no password"
                        + " outside the demo profile (active profiles: postgres)"));

        assertThat(events).anyMatch(ApplicationFailedEvent.class::isInstance)
                .noneMatch(ContextRefreshedEvent.class::isInstance)
                .noneMatch(WebServerInitializedEvent.class::isInstance);
        assertThat(output).contains("APPLICATION FAILED TO START",
                "COMPLAINT_DESK_ADMIN_PASSWORD is not set: the Camunda administrator 'admin' has no password",
                "Set the environment variable COMPLAINT_DESK_ADMIN_PASSWORD to the administrator's password");
    }

    @Test
    void aBlankPasswordCountsAsNoneAndAnyOtherPasswordPasses() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(AdminPasswordCheck.ADMIN_ID_PROPERTY, "admin")
                .withProperty(AdminPasswordCheck.ADMIN_PASSWORD_PROPERTY, "   ");
        assertThatThrownBy(() -> AdminPasswordCheck.check(environment)).isInstanceOf(AdminPasswordMissingException.class);

        environment.setProperty(AdminPasswordCheck.ADMIN_PASSWORD_PROPERTY, "from-the-secret-store");
        AdminPasswordCheck.check(environment);
    }
}
