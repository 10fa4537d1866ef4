package com.complaintdesk.deadline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * effect without a restart. Each answer is worked out once per version of the table and kept (a filing asks the same
 * few questions again and again): the first evaluation of each question is in the engine's decision history, the
 * repeats are not.
 *
 * <p>Deadlines are computed for whoever happens to act (a clerk completing a task, the public API, the job executor),
 * and none of them needs a right to the decision definition for that: the evaluation runs with the engine's
 * authorization checks off, like a business rule task does.
 */
@Component
class EngineDeadlinePeriods implements DeadlinePeriods {

    /** How long the latest version of the table is taken as known before the engine is asked again. */
    static final Duration RECHECK_LATEST = Duration.ofSeconds(5);

    private final ProcessEngine processEngine;
    private final Map<Question, PeriodLength> answers = new ConcurrentHashMap<>();
    private volatile Latest latest = new Latest(null, 0);

    EngineDeadlinePeriods(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    /** One question to the table: a version of it, a period and the facts. */
    private record Question(String definitionId, DeadlinePeriod period, DeadlineFacts facts) {
    }

    private record Latest(String definitionId, long checkedAtNanos) {
    }

    /**
     * The table's answer, worked out once per deployed version of the table and question: the table looks at nothing
     * but its inputs, so the same question to the same version has the same answer. A version deployed later (from
     * Modeler, on any node) is used from the next question after at most {@link #RECHECK_LATEST}.
     */
    @Override
    public PeriodLength lengthOf(DeadlinePeriod period, DeadlineFacts facts) {
        String definitionId = latestDefinitionId();
        return answers.computeIfAbsent(new Question(definitionId, period, facts),
                question -> evaluate(question.definitionId(), period, facts));
    }

    private String latestDefinitionId() {
        Latest known = latest;
        long now = System.nanoTime();
        if (known.definitionId() != null && now - known.checkedAtNanos() < RECHECK_LATEST.toNanos()) {
            return known.definitionId();
        }
        String definitionId = withoutAuthorizationCheck(commandContext -> commandContext.getProcessEngineConfiguration()
                .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(DECISION_KEY).getId());
        if (!definitionId.equals(known.definitionId())) {
            answers.clear();
        }
        latest = new Latest(definitionId, now);
        return definitionId;
    }

    private PeriodLength evaluate(String definitionId, DeadlinePeriod period, DeadlineFacts facts) {
        Map<String, Object> variables = variables(period, facts);
        DmnDecisionResult result = withoutAuthorizationCheck(commandContext -> {
            DecisionDefinition definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedDecisionDefinitionById(definitionId);
            try {
                return DecisionEvaluationUtil.evaluateDecision(definition, Variables.fromMap(variables));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProcessEngineException("Cannot evaluate DMN " + DECISION_KEY + " for " + period.dmnName(), e);
            }
        });
        return toLength(period, facts, result.getSingleResult());
    }

    private <T> T withoutAuthorizationCheck(Command<T> command) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) processEngine).getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
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
