package com.complaintdesk.reporting;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin of Complaint Desk (registered in META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin):
 * its frontend module {@code plugin-webapp/complaint-desk-reporting/app/plugin.js} adds the KPI panel to the dashboard
 * ({@code cockpit.dashboard}) and the waiting times to the process definition's diagram
 * ({@code cockpit.processDefinition.diagram.plugin}); its backend, {@link ReportingPluginRootResource}, answers them
 * under /camunda/api/cockpit/plugin/complaint-desk-reporting/{engine}/.
 */
public class ReportingCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "complaint-desk-reporting";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(ReportingPluginRootResource.class);
    }
}
