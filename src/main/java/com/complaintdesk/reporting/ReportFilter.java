package com.complaintdesk.reporting;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.identity.Departments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a report covers: the days from {@code from} to {@code to} (both included, Asia/Shanghai), and optionally one
 * department, category and channel. Parsed from request parameters; a bad one is a 400 naming the parameter.
 */
public record ReportFilter(LocalDate from, LocalDate to, String department, Category category, Channel channel) {

    /** A report covers at most this many days (ten years): the cleanup removes what is older anyway. */
    static final long MAX_DAYS = 3660;
    static final int DEFAULT_DAYS = 30;

    public Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The filter the parameters name; {@code from} and {@code to} default to the last 30 days up to {@code today}. */
    public static ReportFilter parse(String from, String to, String department, String category, String channel, LocalDate today) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, today, errors);
        LocalDate start = date("from", from, end == null ? today.minusDays(DEFAULT_DAYS - 1) : end.minusDays(DEFAULT_DAYS - 1), errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new InvalidInputException.FieldError("from", "must not be after 'to' (" + end + ")"));
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                errors.add(new InvalidInputException.FieldError("from", "a report covers at most " + MAX_DAYS + " days"));
            }
        }
        String dept = blank(department) ? null : department.trim();
        if (dept != null && !Departments.ALL.contains(dept)) {
            errors.add(new InvalidInputException.FieldError("department", "unknown department '" + dept + "'; one of " + Departments.ALL));
        }
        Category cat = enumValue("category", category, Category::valueOf, Category.values(), errors);
        Channel chan = enumValue("channel", channel, Channel::valueOf, Channel.values(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportFilter(start, end, dept, cat, chan);
    }

    /** The named parameters of {@link #where} for this filter. */
    Map<String, Object> parameters() {
        var map = new java.util.HashMap<String, Object>();
        map.put("start", java.time.OffsetDateTime.ofInstant(start(), java.time.ZoneOffset.UTC));
        map.put("end", java.time.OffsetDateTime.ofInstant(end(), java.time.ZoneOffset.UTC));
        // the same period as days (Asia/Shanghai, since 1970-01-01), as the daily pre-aggregate kpi_day counts them
        map.put("startDay", from.toEpochDay());
        map.put("endDay", to.toEpochDay());
        map.put("department", department);
        map.put("category", category == null ? null : category.name());
        map.put("channel", channel == null ? null : channel.name());
        // the rows of kpi_day of this filter's combination: a filter left out reads the rows of every value
        map.put("rolledUpDepartment", department == null ? KpiRollup.EVERY : department);
        map.put("rolledUpCategory", category == null ? KpiRollup.EVERY : category.name());
        map.put("rolledUpChannel", channel == null ? KpiRollup.EVERY : channel.name());
        return map;
    }

    /** The conditions on the complaint table (alias {@code alias}) for department, category and channel. */
    String where(String alias) {
        StringBuilder sql = new StringBuilder();
        if (department != null) {
            sql.append(" and ").append(alias).append(".department = :department");
        }
        if (category != null) {
            sql.append(" and ").append(alias).append(".category = :category");
        }
        if (channel != null) {
            sql.append(" and ").append(alias).append(".channel = :channel");
        }
        return sql.toString();
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<InvalidInputException.FieldError> errors) {
        if (blank(value)) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInputException.FieldError(field, "not a date (yyyy-MM-dd): '" + value + "'"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Function<String, E> parse, E[] values,
                                                   List<InvalidInputException.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return parse.apply(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInputException.FieldError(field, "unknown value '" + value + "'; one of " + List.of(values)));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
