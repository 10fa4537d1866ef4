package com.complaintdesk.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The periods of processes/complaint-deadlines.dmn on the standalone DMN engine, for tests without the process engine. */
final class StandaloneDeadlinePeriods implements DeadlinePeriods {

    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnDecision decision;

    StandaloneDeadlinePeriods() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/complaint-deadlines.dmn")) {
            decision = engine.parseDecision(DECISION_KEY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PeriodLength lengthOf(DeadlinePeriod period, DeadlineFacts facts) {
        return EngineDeadlinePeriods.toLength(period, facts,
                engine.evaluateDecision(decision, EngineDeadlinePeriods.variables(period, facts)).getSingleResult());
    }
}
