package com.complaintdesk.deadline;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of complaint-deadlines in the engine, so a table deployed from Modeler takes
 * effect without a restart and each evaluation is in the engine's decision history.
 *
 * <p>Deadlines are computed for whoever happens to act (a clerk completing a task, the public API, the job executor),
 * and none of them needs a right to the decision definition for that: the evaluation runs with the engine's
 * authorization checks off, like a business rule task does.
 */
@Component
class EngineDeadlinePeriods implements DeadlinePeriods {

    private final ProcessEngine processEngine;

    EngineDeadlinePeriods(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    @Override
    public PeriodLength lengthOf(DeadlinePeriod period, DeadlineFacts facts) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();
        Map<String, Object> variables = variables(period, facts);
        Command<DmnDecisionResult> evaluate = commandContext -> {
            boolean checking = commandContext.isAuthorizationCheckEnabled();
            commandContext.disableAuthorizationCheck();
            try {
                DecisionDefinition definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedLatestDecisionDefinitionByKey(DECISION_KEY);
                return DecisionEvaluationUtil.evaluateDecision(definition, Variables.fromMap(variables));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProcessEngineException("Cannot evaluate DMN " + DECISION_KEY + " for " + period.dmnName(), e);
            } finally {
                if (checking) {
                    commandContext.enableAuthorizationCheck();
                }
            }
        };
        return toLength(period, facts, configuration.getCommandExecutorTxRequired().execute(evaluate).getSingleResult());
    }

    static Map<String, Object> variables(DeadlinePeriod period, DeadlineFacts facts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("period", period.dmnName());
        variables.put("channel", facts.channel());
        variables.put("priority", facts.priority());
        variables.put("category", facts.category());
        return variables;
    }

    static PeriodLength toLength(DeadlinePeriod period, DeadlineFacts facts, DmnDecisionResultEntries entries) {
        if (entries == null) {
            throw new IllegalStateException("DMN " + DECISION_KEY + " has no rule for period " + period.dmnName() + " " + facts);
        }
        Object days = entries.getEntry("days");
        Object unit = entries.getEntry("unit");
        if (!(days instanceof Number number) || unit == null) {
            throw new IllegalStateException("DMN " + DECISION_KEY + " gave no days or unit for period " + period.dmnName()
                    + ": " + entries.getEntryMap());
        }
        return new PeriodLength(number.intValue(), DayUnit.valueOf(unit.toString()));
    }
}
