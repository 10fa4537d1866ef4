package com.complaintdesk.reporting;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's JAX-RS root: serves its asset (app/plugin.js, GET .../static/app/plugin.js, open like Cockpit's own) and
 * hands requests for an engine to {@link ReportingPluginResource}, which Cockpit's security filter lets through only
 * with a Cockpit login for that engine. The resource gets this application's beans from the servlet context.
 */
@Path("plugin/" + ReportingCockpitPlugin.ID)
public class ReportingPluginRootResource extends AbstractCockpitPluginRootResource {

    public ReportingPluginRootResource() {
        super(ReportingCockpitPlugin.ID);
    }

    @Path("{engineName}")
    public ReportingPluginResource engine(@PathParam("engineName") String engineName) {
        var context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        return subResource(new ReportingPluginResource(engineName, context), engineName);
    }
}
