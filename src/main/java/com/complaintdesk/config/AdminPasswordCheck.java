package com.complaintdesk.config;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the application when the Camunda administrator has no password. Only the demo profile gives the
 * administrator a default password (for a laptop); everywhere else it comes from COMPLAINT_DESK_ADMIN_PASSWORD.
 *
 * <p>An initializer (registered in META-INF/spring.factories) runs once the environment is complete and before the
 * context is refreshed: no bean is created, no database is touched and no port is opened before the check.
 * {@link AdminPasswordFailureAnalyzer} prints the reason and the fix.
 */
class AdminPasswordCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String ENVIRONMENT_VARIABLE = "COMPLAINT_DESK_ADMIN_PASSWORD";
    static final String ADMIN_ID_PROPERTY = "camunda.bpm.admin-user.id";
    static final String ADMIN_PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        check(context.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        String adminId = environment.getProperty(ADMIN_ID_PROPERTY);
        if (isBlank(adminId)) {
            return; // no administrator is created, so there is no password to require
        }
        if (isBlank(environment.getProperty(ADMIN_PASSWORD_PROPERTY))) {
            throw new AdminPasswordMissingException(adminId, environment.getActiveProfiles());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The administrator would be created without a password. */
    static class AdminPasswordMissingException extends IllegalStateException {

        private final String adminId;

        AdminPasswordMissingException(String adminId, String[] activeProfiles) {
            super(ENVIRONMENT_VARIABLE + " is not set: the Camunda administrator '" + adminId
                    + "' has no password outside the demo profile (active profiles: "
                    + (activeProfiles.length == 0 ? "none" : String.join(", ", activeProfiles)) + ")");
            this.adminId = adminId;
        }

        String adminId() {
            return adminId;
        }
    }
}
