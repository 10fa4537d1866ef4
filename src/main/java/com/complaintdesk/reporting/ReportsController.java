package com.complaintdesk.reporting;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.shared.BusinessTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /staff/reports: the KPIs as JSON (complaint managers and administrators), and the regulator's statistics and the
 * complaint register as CSV or XLSX (also compliance-legal). HTTP Basic through Camunda's filter
 * (StaffAuthenticationConfiguration); anyone else gets 403, a bad parameter 400 naming it.
 */
@RestController
class ReportsController {

    private final KpiQueries kpis;
    private final RegulatorReports reports;
    private final IdentityService identityService;
    private final Clock clock;

    ReportsController(KpiQueries kpis, RegulatorReports reports, IdentityService identityService, Clock clock) {
        this.kpis = kpis;
        this.reports = reports;
        this.identityService = identityService;
        this.clock = clock;
    }

    static class NotAllowedException extends RuntimeException {
        NotAllowedException(String message) {
            super(message);
        }
    }

    @GetMapping(path = "/staff/reports/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    Kpis kpis(@RequestParam Map<String, String> params) {
        require(ReportingAccess.KPI_GROUPS);
        return kpis.kpis(ReportFilter.parse(params.get("from"), params.get("to"), params.get("department"), params.get("category"),
                params.get("channel"), today()));
    }

    @GetMapping("/staff/reports/{report:statistics|register}.{format:csv|xlsx}")
    ResponseEntity<byte[]> download(@PathVariable String report, @PathVariable String format, @RequestParam Map<String, String> params) {
        require(ReportingAccess.REPORT_GROUPS);
        ReportFilter filter = RegulatorReports.filter(params.get("period"), params.get("from"), params.get("to"),
                params.get("department"), params.get("category"), params.get("channel"), today());
        return file(report, format, filter, reports);
    }

    /** The report as a download named after it and its period: complaint-register-2026-11-01-2026-11-30.xlsx. */
    static ResponseEntity<byte[]> file(String report, String format, ReportFilter filter, RegulatorReports reports) {
        ReportTable table = report.equals("register") ? reports.register(filter) : reports.statistics(filter);
        boolean xlsx = format.equals("xlsx");
        String name = "complaint-" + report + "-" + filter.from() + "-" + filter.to() + "." + format;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, xlsx ? ReportFiles.XLSX_TYPE : ReportFiles.CSV_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(xlsx ? ReportFiles.xlsx(table) : ReportFiles.csv(table));
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Map<String, String>> refused(NotAllowedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> badInput(InvalidInputException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "errors", e.getErrors()));
    }

    private void require(List<String> groups) {
        if (!ReportingAccess.allowed(identityService.getCurrentAuthentication(), groups)) {
            throw new NotAllowedException(BundleWords.both("report.onlyGroups", String.valueOf(groups)));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
