package com.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/** A DMN table from processes/ on the test classpath, parsed by the standalone DMN engine for the per-rule tests. */
public record DecisionTables(DmnEngine engine, DmnDecision decision) {

    public static DecisionTables load(String resource, String decisionKey) {
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = open(resource)) {
            return new DecisionTables(engine, engine.parseDecision(decisionKey, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model itself, for tests that check its ids, names and settings. */
    public static DmnModelInstance model(String resource) {
        try (InputStream in = open(resource)) {
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model file itself, for tests that read its XML. */
    public static InputStream open(String resource) {
        InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource + " on the test classpath").isNotNull();
        return in;
    }
}
