package com.complaintdesk.config;

import com.complaintdesk.config.AdminPasswordCheck.AdminPasswordMissingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator why the application refused to start without an admin password, and what to do. */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordMissingException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ".\n\nComplaint Desk refuses to start rather than create the administrator '"
                        + cause.adminId() + "' (" + AdminPasswordCheck.ADMIN_PASSWORD_PROPERTY
                        + ") without a password. Only the demo profile has a default password, for a laptop.",
                "Set the environment variable " + AdminPasswordCheck.ENVIRONMENT_VARIABLE
                        + " to the administrator's password (from your secret store, never from the repository),"
                        + " or, on a laptop, start with the demo profile (--spring.profiles.active=demo).",
                cause);
    }
}
