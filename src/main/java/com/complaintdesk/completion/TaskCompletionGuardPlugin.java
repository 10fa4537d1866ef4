package com.complaintdesk.completion;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link TaskCompletionGuard} in front of the engine's TaskService and FormService, which every completion
 * goes through: Tasklist and the engine REST API call them, and so does Java code. Public, so that an engine built from
 * XML (the process tests' camunda-process-tests.cfg.xml) can list it among its plugins.
 */
@Component
public class TaskCompletionGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskCompletionGuard guard = new TaskCompletionGuard(configuration);
        configuration.setTaskService(new GuardedTaskService(guard));
        configuration.setFormService(new GuardedFormService(guard));
    }
}
