package com.complaintdesk.identity;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine step with the application's rights, for steps whose "who may" is the application's own rule, checked
 * before: a department member correlating a message its rights in the engine do not cover (an extension request,
 * legal action, a referral), starting a follow-up complaint, granting a department READ, reading the staff directory.
 *
 * <p>The signed-in user stays the one who acts (our timeline and the engine's user operation log name them); only
 * their groups are replaced, for the step, by the engine's administrators group. Without a signed-in user the step
 * runs as it is. The user's own authentication is back in place afterwards, whatever happens.
 */
public final class AsApplication {

    private AsApplication() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> step) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            return step.get();
        }
        identityService.setAuthentication(caller.getUserId(), List.of(Groups.CAMUNDA_ADMIN), caller.getTenantIds());
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
