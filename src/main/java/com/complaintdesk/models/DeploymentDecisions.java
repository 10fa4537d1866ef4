package com.complaintdesk.models;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one rule for every decision a complaint uses: the table deployed together with the complaint's process
 * definition (its deployment), as a business rule task with {@code camunda:decisionRefBinding="deployment"} does. A
 * table deployed later changes nothing for complaints already running; it takes effect for complaints started on the
 * process version deployed with it (scripts/deploy deploys the set together), or after a migration to that version.
 * Only where no process is known (or an old deployment lacks the table) is the latest version used.
 *
 * <p>Evaluated in the engine, with its authorization checks off as for a business rule task: whoever happens to act
 * (a clerk completing a task, the public API, the job executor) needs no right to the decision definition.
 */
@Component
public class DeploymentDecisions {

    private final ProcessEngine processEngine;

    DeploymentDecisions(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    /** Evaluates the decision deployed with this process definition. */
    public DmnDecisionResult evaluateForDefinition(String decisionKey, String processDefinitionId, Map<String, Object> variables) {
        return evaluate(decisionKey, variables, commandContext -> processDefinitionId);
    }

    /** Evaluates the decision deployed with the definition this process instance runs on (null: the latest). */
    public DmnDecisionResult evaluateForInstance(String decisionKey, String processInstanceId, Map<String, Object> variables) {
        return evaluate(decisionKey, variables, commandContext -> {
            if (processInstanceId == null) {
                return null;
            }
            ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
            return instance == null ? null : instance.getProcessDefinitionId();
        });
    }

    /**
     * The id of the decision definition a complaint's process instance uses (null instance: the latest): callers that
     * keep answers per version of a table key them by this id.
     */
    public String definitionIdForInstance(String decisionKey, String processInstanceId) {
        return withoutAuthorizationCheck(commandContext -> {
            String processDefinitionId = null;
            if (processInstanceId != null) {
                ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
                processDefinitionId = instance == null ? null : instance.getProcessDefinitionId();
            }
            return definition(commandContext, decisionKey, processDefinitionId).getId();
        });
    }

    /** Evaluates one deployed version of a decision, by its definition id. */
    public DmnDecisionResult evaluateById(String decisionDefinitionId, Map<String, Object> variables) {
        return withoutAuthorizationCheck(commandContext -> {
            DecisionDefinition definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedDecisionDefinitionById(decisionDefinitionId);
            try {
                return DecisionEvaluationUtil.evaluateDecision(definition, Variables.fromMap(variables));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProcessEngineException("Cannot evaluate DMN " + definition.getKey(), e);
            }
        });
    }

    private <T> T withoutAuthorizationCheck(Command<T> command) {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> {
                    boolean checking = commandContext.isAuthorizationCheckEnabled();
                    commandContext.disableAuthorizationCheck();
                    try {
                        return command.execute(commandContext);
                    } finally {
                        if (checking) {
                            commandContext.enableAuthorizationCheck();
                        }
                    }
                });
    }

    private DmnDecisionResult evaluate(String decisionKey, Map<String, Object> variables,
                                       java.util.function.Function<CommandContext, String> processDefinitionId) {
        Command<DmnDecisionResult> evaluate = commandContext -> {
            boolean checking = commandContext.isAuthorizationCheckEnabled();
            commandContext.disableAuthorizationCheck();
            try {
                DecisionDefinition definition = definition(commandContext, decisionKey, processDefinitionId.apply(commandContext));
                return DecisionEvaluationUtil.evaluateDecision(definition, Variables.fromMap(variables));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProcessEngineException("Cannot evaluate DMN " + decisionKey, e);
            } finally {
                if (checking) {
                    commandContext.enableAuthorizationCheck();
                }
            }
        };
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(evaluate);
    }

    private static DecisionDefinition definition(CommandContext commandContext, String decisionKey, String processDefinitionId) {
        var cache = commandContext.getProcessEngineConfiguration().getDeploymentCache();
        if (processDefinitionId != null) {
            ProcessDefinition process = cache.findDeployedProcessDefinitionById(processDefinitionId);
            DecisionDefinition bound = commandContext.getDecisionDefinitionManager()
                    .findDecisionDefinitionByDeploymentAndKey(process.getDeploymentId(), decisionKey);
            if (bound != null) {
                return cache.findDeployedDecisionDefinitionById(bound.getId());
            }
        }
        return cache.findDeployedLatestDecisionDefinitionByKey(decisionKey);
    }
}
