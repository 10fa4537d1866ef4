package com.complaintdesk.deadline;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import com.complaintdesk.models.DeploymentDecisions;
import org.springframework.stereotype.Component;

/**
 * Evaluates complaint-deadlines in the engine (each evaluation is in the engine's decision history), as deployed with
 * the complaint's process definition (DeploymentDecisions: one rule for every decision a complaint uses), so a table
 * deployed while a complaint runs does not move its deadlines; without a process instance, the latest version.
 */
@Component
class EngineDeadlinePeriods implements DeadlinePeriods {

    private final DeploymentDecisions decisions;

    EngineDeadlinePeriods(DeploymentDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public PeriodLength lengthOf(DeadlinePeriod period, DeadlineFacts facts) {
        DmnDecisionResult result = decisions.evaluateForInstance(DECISION_KEY, facts.processInstanceId(), variables(period, facts));
        return toLength(period, facts, result.getSingleResult());
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
