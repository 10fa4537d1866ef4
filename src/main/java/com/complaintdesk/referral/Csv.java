package com.complaintdesk.referral;

import java.nio.charset.StandardCharsets;

/**
 * The dossier's CSV files (RFC 4180): comma-separated, CRLF line ends, a field in double quotes when it holds a comma,
 * a quote, a line break or edge spaces, and UTF-8 with a byte order mark so spreadsheet programs read the Chinese
 * right. Text that begins with =, +, -, @ or a tab gets a ' in front, so a spreadsheet does not run it as a formula.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder("\uFEFF");
    private int rows;

    public Csv(String... header) {
        append(header);
    }

    /** A data row; null is an empty field, numbers and other values their toString. */
    public Csv row(Object... fields) {
        append(fields);
        rows++;
        return this;
    }

    /** The number of data rows (the header not counted). */
    public int rows() {
        return rows;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void append(Object[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields[i]));
        }
        text.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String field = value.toString();
        if (value instanceof CharSequence && !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || !field.equals(field.strip());
        return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
