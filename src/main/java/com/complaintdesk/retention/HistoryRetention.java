package com.complaintdesk.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * complaint-desk.retention.period is the history time-to-live of every model, whatever its file says:
 * <ul>
 *   <li>every process deployed from now on gets it while it is parsed (a post-parse listener), Camunda Modeler's
 *       deployments included;</li>
 *   <li>once the application has deployed its models, every process and decision definition already deployed whose time-to-live differs is set to it
 *       (RepositoryService, public API), so a changed period reaches the old versions too;</li>
 *   <li>the engine removes history when it is due ({@code historyRemovalTimeStrategy = end}: the removal time is the
 *       end of the root process instance plus the time-to-live), in its nightly cleanup window
 *       (complaint-desk.retention.engine-window-start/-end, server time).</li>
 * </ul>
 */
@Component
class HistoryRetention extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RetentionProperties properties;

    HistoryRetention(RetentionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryCleanupStrategy(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryCleanupBatchWindowStartTime(properties.getEngineWindowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(properties.getEngineWindowEnd());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        int days = properties.days();
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.setHistoryTimeToLive(days);
            }
        });
    }

    /**
     * Once the application is up (the engine deploys the application's models while it is built, after the plugins'
     * postProcessEngineBuild): every definition, old versions and decisions too, gets the period.
     */
    @EventListener
    public void started(ApplicationReadyEvent event) {
        RepositoryService repository = event.getApplicationContext().getBean(ProcessEngine.class).getRepositoryService();
        int changed = align(repository, properties.days());
        log.info("History time-to-live {} days (complaint-desk.retention.period {}); {} definitions updated",
                properties.days(), properties.getPeriod(), changed);
    }

    /** Sets every process and decision definition's time-to-live to {@code days}; returns how many changed. */
    static int align(RepositoryService repository, int days) {
        int changed = 0;
        List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().list();
        for (ProcessDefinition definition : processes) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        return changed;
    }
}
