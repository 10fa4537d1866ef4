package com.complaintdesk.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine step as the application rather than as the signed-in user, for steps whose "who may" is the
 * application's own rule, checked before: a department member correlating a message its rights in the engine do not
 * cover (an extension request, legal action, a referral), granting a department READ, reading the staff directory.
 * The user's authentication is back in place afterwards, whatever happens.
 */
public final class AsApplication {

    private AsApplication() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> step) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            return step.get();
        }
        identityService.clearAuthentication();
        try {
            return step.get();
        } finally {
            identityService.setAuthentication(caller);
        }
    }

    public static void run(IdentityService identityService, Runnable step) {
        call(identityService, () -> {
            step.run();
            return null;
        });
    }
}
