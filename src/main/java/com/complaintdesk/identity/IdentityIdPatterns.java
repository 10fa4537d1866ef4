package com.complaintdesk.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets user and group ids be words joined by dots or hyphens: the department groups are {@code customer-service},
 * {@code compliance-legal}, ... (ids the model and the DMN tables name) and staff log in as {@code wang.fang}. The
 * engine's default whitelist ({@code [a-zA-Z0-9]+|camunda-admin}) refuses both, in Admin as in code. Wildcards,
 * spaces and other characters stay refused. A pattern set in configuration (engine property
 * {@code userResourceWhitelistPattern} or {@code groupResourceWhitelistPattern}) is left as it is.
 */
@Component
class IdentityIdPatterns extends AbstractProcessEnginePlugin {

    static final String ID_PATTERN = "[a-zA-Z0-9]+([.-][a-zA-Z0-9]+)*";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (isBlank(configuration.getUserResourceWhitelistPattern())) {
            configuration.setUserResourceWhitelistPattern(ID_PATTERN);
        }
        if (isBlank(configuration.getGroupResourceWhitelistPattern())) {
            configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
        }
    }

    private static boolean isBlank(String pattern) {
        return pattern == null || pattern.isBlank();
    }
}
