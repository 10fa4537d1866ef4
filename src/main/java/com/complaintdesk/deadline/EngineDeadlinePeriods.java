package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.models.DeploymentDecisions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * Evaluates complaint-deadlines in the engine (each evaluation is in the engine's decision history), as deployed with
 * the complaint's process definition (DeploymentDecisions: one rule for every decision a complaint uses), so a table
 * deployed while a complaint runs does not move its deadlines; without a process instance, the latest version.
 *
 * <p>Each answer is worked out once per deployed version of the table and kept (a filing asks the same few questions
 * again and again): the first evaluation of each question is in the engine's decision history, the repeats are not.
 */
@Component
class EngineDeadlinePeriods implements DeadlinePeriods {

    private final DeploymentDecisions decisions;
    private final Map<Question, PeriodLength> answers = new ConcurrentHashMap<>();

    EngineDeadlinePeriods(DeploymentDecisions decisions) {
        this.decisions = decisions;
    }

    /** One question to the table: a version of it, a period and the facts. */
    private record Question(String definitionId, DeadlinePeriod period, DeadlineFacts facts) {
    }

    /**
     * The table's answer, worked out once per deployed version of the table and question: the table looks at nothing
     * but its inputs, so the same question to the same version has the same answer.
     */
    @Override
    public PeriodLength lengthOf(DeadlinePeriod period, DeadlineFacts facts) {
        String definitionId = decisions.definitionIdForInstance(DECISION_KEY, facts.processInstanceId());
        DeadlineFacts question = new DeadlineFacts(facts.channel(), facts.priority(), facts.category());
        return answers.computeIfAbsent(new Question(definitionId, period, question), asked -> toLength(period, facts,
                decisions.evaluateById(definitionId, variables(period, facts)).getSingleResult()));
    }

    static Map<String, Object> variables(DeadlinePeriod period, DeadlineFacts facts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("period", period.dmnName());
        variables.put(Lifecycle.CHANNEL.name(), facts.channel());
        variables.put(Lifecycle.PRIORITY.name(), facts.priority());
        variables.put(Lifecycle.CATEGORY.name(), facts.category());
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
