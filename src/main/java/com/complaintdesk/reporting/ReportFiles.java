package com.complaintdesk.reporting;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.referral.Csv;
import com.complaintdesk.shared.BusinessTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A {@link ReportTable} as a file: CSV (UTF-8 with BOM, RFC 4180, formula-safe) or XLSX (Apache POI, streaming). */
final class ReportFiles {

    static final String CSV_TYPE = "text/csv; charset=UTF-8";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private ReportFiles() {
    }

    static byte[] csv(ReportTable table) {
        Csv csv = new Csv(table.headers().toArray(String[]::new));
        for (List<Object> row : table.rows()) {
            csv.row(row.stream().map(ReportFiles::text).toArray());
        }
        return csv.bytes();
    }

    static byte[] xlsx(ReportTable table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(table.title());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.headers().size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(table.headers().get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, 24 * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (value instanceof Number number && !(value instanceof BigDecimal)) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof BigDecimal amount) {
                        cell.setCellValue(amount.doubleValue());
                    } else {
                        // text cells: a value beginning with = is stored as text, never as a formula
                        cell.setCellValue(text(value).toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object text(Object value) {
        if (value instanceof Instant instant) {
            return TIME.format(instant);
        }
        if (value instanceof Boolean flag) {
            return BundleWords.both(flag ? "report.yes" : "report.no");
        }
        return value;
    }
}
