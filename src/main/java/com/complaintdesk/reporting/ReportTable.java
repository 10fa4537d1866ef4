package com.complaintdesk.reporting;

import java.util.List;

/** A report as rows under headers (Chinese first, English beside), written as CSV or XLSX by {@link ReportFiles}. */
record ReportTable(String title, List<String> headers, List<List<Object>> rows) {
}
