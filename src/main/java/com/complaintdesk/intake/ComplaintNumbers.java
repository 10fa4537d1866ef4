package com.complaintdesk.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out complaint numbers CP-yyyyMMdd-NNNNNN: the day (Asia/Shanghai) and a counter that starts again each
 * day. The counter is one row that the registering transaction locks by updating it, so two registrations, on
 * one node or several, never get the same number, and a rolled-back registration gives its number back.
 */
@Component
class ComplaintNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;

    ComplaintNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(LocalDate day) {
        jdbc.sql("""
                update complaint_number_counter
                   set last_value = case when counter_day = :day then last_value + 1 else 1 end,
                       counter_day = :day
                 where id = 1""").param("day", day).update();
        int value = jdbc.sql("select last_value from complaint_number_counter where id = 1").query(Integer.class).single();
        return "CP-" + DAY.format(day) + "-" + String.format("%06d", value);
    }
}
