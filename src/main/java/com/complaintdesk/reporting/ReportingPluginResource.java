package com.complaintdesk.reporting;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.shared.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * The Cockpit plugin's data, for a signed-in Cockpit user of complaint-managers or camunda-admin (403 for anyone
 * else): {@code kpis}, {@code waiting} (per activity of a process), and the regulator's {@code statistics} and
 * {@code register} as CSV or XLSX. JSON is written with the application's ObjectMapper (dates as yyyy-MM-dd).
 */
public class ReportingPluginResource extends AbstractCockpitPluginResource {

    private final KpiQueries kpis;
    private final WaitingTimes waitingTimes;
    private final RegulatorReports reports;
    private final ObjectMapper json;
    private final Clock clock;

    ReportingPluginResource(String engineName, ApplicationContext context) {
        super(engineName);
        this.kpis = context.getBean(KpiQueries.class);
        this.waitingTimes = context.getBean(WaitingTimes.class);
        this.reports = context.getBean(RegulatorReports.class);
        this.json = context.getBean(ObjectMapper.class);
        this.clock = context.getBean(Clock.class);
    }

    @GET
    @Path("kpis")
    @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
    public Response kpis(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("department") String department,
                         @QueryParam("category") String category, @QueryParam("channel") String channel) {
        return answer(ReportingAccess.KPI_GROUPS,
                () -> kpis.kpis(ReportFilter.parse(from, to, department, category, channel, today())));
    }

    @GET
    @Path("waiting")
    @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
    public Response waiting(@QueryParam("processDefinitionKey") String key, @QueryParam("from") String from, @QueryParam("to") String to) {
        return answer(ReportingAccess.KPI_GROUPS, () -> {
            if (key == null || key.isBlank() || key.length() > 255) {
                throw InvalidInputException.of("processDefinitionKey", "the key of the process, e.g. complaint-lifecycle");
            }
            ReportFilter period = ReportFilter.parse(from, to, null, null, null, today());
            return Map.of("processDefinitionKey", key, "from", period.from().toString(), "to", period.to().toString(),
                    "activities", waitingTimes.of(key, period));
        });
    }

    @GET
    @Path("{report:statistics|register}.{format:csv|xlsx}")
    public Response download(@PathParam("report") String report, @PathParam("format") String format, @QueryParam("period") String period,
                             @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("department") String department,
                             @QueryParam("category") String category, @QueryParam("channel") String channel) {
        if (!ReportingAccess.allowed(getCurrentAuthentication(), ReportingAccess.KPI_GROUPS)) {
            return forbidden();
        }
        try {
            ReportFilter filter = RegulatorReports.filter(period, from, to, department, category, channel, today());
            ResponseEntity<byte[]> file = ReportsController.file(report, format, filter, reports);
            Response.ResponseBuilder response = Response.ok(file.getBody());
            file.getHeaders().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
            return response.build();
        } catch (InvalidInputException e) {
            return badRequest(e);
        }
    }

    private Response answer(List<String> groups, java.util.function.Supplier<Object> body) {
        if (!ReportingAccess.allowed(getCurrentAuthentication(), groups)) {
            return forbidden();
        }
        try {
            return Response.ok(json.writeValueAsString(body.get()), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "private, no-store").build();
        } catch (InvalidInputException e) {
            return badRequest(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"message\":\"" + BundleWords.both("report.onlyManagers") + "\"}").build();
    }

    private Response badRequest(InvalidInputException e) {
        try {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json.writeValueAsString(Map.of("message", e.getMessage(), "errors", e.getErrors()))).build();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
