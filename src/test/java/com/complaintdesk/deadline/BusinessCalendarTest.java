package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.shared.BusinessTime;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Working days of 2026 from calendar/cn-2026.yaml (the State Council's notice of 2025-11-04), across the Spring
 * Festival (holidays Feb 15–23, make-up working days Sat Feb 14 and Sat Feb 28) and National Day (Sep 25–27 and
 * Oct 1–7, make-up working days Sun Sep 20 and Sat Oct 10); a year without a file; the files' checks.
 */
@ExtendWith(OutputCaptureExtension.class)
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = BusinessTime.ZONE;
    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), SHANGHAI);

    private final BusinessCalendar calendar = new BusinessCalendar(NOV_2026, new String[] {BusinessCalendar.DEFAULT_LOCATIONS});

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Instant endOf(String date) {
        return shanghai(date + "T23:59:59");
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-02-13, true",   // Friday
            "2026-02-14, true",   // Saturday, make-up working day
            "2026-02-15, false",  // Sunday, Spring Festival
            "2026-02-16, false",  // Monday, Spring Festival
            "2026-02-20, false",  // Friday, Spring Festival
            "2026-02-23, false",  // Monday, last day of the Spring Festival
            "2026-02-24, true",   // Tuesday
            "2026-02-28, true",   // Saturday, make-up working day
            "2026-03-01, false",  // Sunday
            "2026-09-19, false",  // Saturday
            "2026-09-20, true",   // Sunday, make-up working day
            "2026-09-25, false",  // Friday, Mid-Autumn Festival
            "2026-10-01, false",  // Thursday, National Day
            "2026-10-07, false",  // Wednesday, last day of National Day
            "2026-10-08, true",   // Thursday
            "2026-10-10, true",   // Saturday, make-up working day
            "2026-10-11, false",  // Sunday
            "2026-01-01, false",  // New Year's Day
            "2026-01-04, true",   // Sunday, make-up working day
            "2026-05-09, true",   // Saturday, make-up working day
            "2026-06-19, false",  // Dragon Boat Festival
    })
    void workingDaysOf2026FollowTheStateCouncilNotice(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-02-12T10:00, 1,  2026-02-13",  // Thursday -> Friday
            "2026-02-13T10:00, 1,  2026-02-14",  // Friday -> Saturday, a make-up working day
            "2026-02-14T10:00, 1,  2026-02-24",  // over the whole Spring Festival
            "2026-02-12T10:00, 3,  2026-02-24",  // Fri 13, Sat 14, Tue 24
            "2026-02-16T10:00, 1,  2026-02-24",  // registered during the holiday
            "2026-02-27T10:00, 1,  2026-02-28",  // Friday -> Saturday, a make-up working day
            "2026-02-13T10:00, 10, 2026-03-05",  // 14, 24, 25, 26, 27, 28, Mar 2, 3, 4, 5
            "2026-09-18T10:00, 1,  2026-09-20",  // Friday -> Sunday, a make-up working day
            "2026-09-24T10:00, 1,  2026-09-28",  // over the Mid-Autumn Festival
            "2026-09-30T10:00, 1,  2026-10-08",  // over National Day
            "2026-10-09T10:00, 1,  2026-10-10",  // Friday -> Saturday, a make-up working day
            "2026-09-28T10:00, 10, 2026-10-16",  // 29, 30, Oct 8, 9, 10, 12, 13, 14, 15, 16
            "2026-09-28T10:00, 3,  2026-10-08",  // evidence reminder over National Day
            "2026-12-31T10:00, 1,  2027-01-01",  // into 2027, which has no file: weekends only
    })
    void plusWorkingDaysEndsAtTheEndOfTheLastWorkingDay(String start, int days, String due) {
        assertThat(calendar.plusWorkingDays(shanghai(start), days)).isEqualTo(endOf(due));
    }

    @Test
    void theStartDayIsTheDayInShanghai() {
        // Friday 13 February 23:30 in Shanghai is 15:30 UTC: one working day later is the make-up Saturday
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-02-13T15:30:00Z"), 1)).isEqualTo(endOf("2026-02-14"));
        // Saturday 14 February 00:30 in Shanghai, still Friday in UTC
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-02-13T16:30:00Z"), 1)).isEqualTo(endOf("2026-02-24"));
        assertThat(endOf("2026-02-24")).isEqualTo(Instant.parse("2026-02-24T15:59:59Z"));
    }

    @ParameterizedTest(name = "{0} + {1} calendar days = {2}")
    @CsvSource({
            "2026-11-26T10:00, 15, 2026-12-11",
            "2026-09-20T10:00, 15, 2026-10-05",  // ends on a holiday: not moved
            "2026-02-10T10:00, 7,  2026-02-17",
            "2026-12-20T10:00, 15, 2027-01-04",
            "2026-11-26T23:59, 60, 2027-01-25",
    })
    void plusCalendarDaysCountsEveryDayAndEndsAtTheEndOfTheLastOne(String start, int days, String due) {
        assertThat(calendar.plusCalendarDays(shanghai(start), days)).isEqualTo(endOf(due));
        assertThat(calendar.plus(shanghai(start), new PeriodLength(days, DayUnit.CALENDAR))).isEqualTo(endOf(due));
    }

    @ParameterizedTest(name = "{0} - {1} working days = {2}")
    @CsvSource({
            "2026-10-12T23:59:59, 3, 2026-10-08",  // back over the make-up Saturday Oct 10
            "2026-10-05T23:59:59, 3, 2026-09-28",  // from a holiday, back over National Day: Sep 30, 29, 28
            "2026-02-25T23:59:59, 2, 2026-02-14",  // back over the Spring Festival to the make-up Saturday
            "2026-12-11T23:59:59, 3, 2026-12-08",
    })
    void minusWorkingDaysCountsBackWorkingDays(String due, int days, String planned) {
        assertThat(calendar.minusWorkingDays(shanghai(due), days)).isEqualTo(endOf(planned));
        assertThat(calendar.minus(shanghai(due), new PeriodLength(days, DayUnit.WORKING))).isEqualTo(endOf(planned));
    }

    @Test
    void daysBetweenCountsTheDaysAfterTheFirstUpToTheLast() {
        assertThat(calendar.daysBetween(shanghai("2026-09-28T10:00"), endOf("2026-10-16"), DayUnit.WORKING)).isEqualTo(10);
        assertThat(calendar.daysBetween(shanghai("2026-09-28T10:00"), endOf("2026-10-16"), DayUnit.CALENDAR)).isEqualTo(18);
        assertThat(calendar.daysBetween(endOf("2026-10-16"), shanghai("2026-09-28T10:00"), DayUnit.CALENDAR)).isZero();
    }

    @Test
    void aYearWithoutAFileCountsWeekendsOnlyAndSaysSo(CapturedOutput output) {
        // 2027: no file. New Year's Day 2027 is a Friday and counts as a working day; the weekend does not.
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-02"))).isFalse();
        assertThat(calendar.plusWorkingDays(shanghai("2027-02-05T10:00"), 5)).isEqualTo(endOf("2027-02-12"));

        assertThat(calendar.coveredYears()).containsExactly(2026);
        assertThat(calendar.missingYears()).containsExactly(2027);
        assertThat(output).contains("WARN").contains("Working-day calendar covers [2026] but has no file for [2027]")
                .contains("count weekends only").contains("calendar/cn-2027.yaml");
    }

    @Test
    void aYearOutsideTheStartUpCheckIsReportedWhenFirstCounted(CapturedOutput output) {
        int before = output.length();
        calendar.isWorkingDay(LocalDate.parse("2030-03-04"));
        calendar.isWorkingDay(LocalDate.parse("2030-03-05"));

        assertThat(output.toString().substring(before)).containsOnlyOnce("No working-day calendar for 2030 (covered: [2026]): counting weekends only");
    }

    @Test
    void theCurrentYearIsCheckedAsWellAsTheNext(CapturedOutput output) {
        int before = output.length();
        BusinessCalendar in2028 = new BusinessCalendar(Clock.fixed(Instant.parse("2028-01-10T02:00:00Z"), SHANGHAI),
                new String[] {BusinessCalendar.DEFAULT_LOCATIONS});

        assertThat(in2028.missingYears()).containsExactly(2028, 2029);
        assertThat(output.toString().substring(before)).contains("WARN").contains("has no file for [2028, 2029]");
    }

    @Test
    void noWarningWhenTheCurrentAndTheNextYearAreCovered(CapturedOutput output) {
        int before = output.length();
        Map<Integer, BusinessCalendar.Year> years = new HashMap<>(BusinessCalendar.load(BusinessCalendar.DEFAULT_LOCATIONS));
        years.put(2027, parse(2027, """
                year: 2027
                source: "a test notice"
                holidays:
                  - {name: "New Year", from: "2027-01-01", to: "2027-01-01"}
                """));
        BusinessCalendar covered = new BusinessCalendar(NOV_2026, years);

        assertThat(covered.missingYears()).isEmpty();
        assertThat(covered.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(output.toString().substring(before)).contains("Working-day calendar covers [2026, 2027]").doesNotContain("WARN");
    }

    @Test
    void theShippedFileNamesItsSource() {
        BusinessCalendar.Year year = BusinessCalendar.load(BusinessCalendar.DEFAULT_LOCATIONS).get(2026);
        assertThat(year.source()).contains("国务院办公厅关于2026年部分节假日安排的通知");
        assertThat(year.holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(year.makeUpWorkingDays()).hasSize(6);
    }

    @Test
    void unquotedDatesAreReadAsDatesToo() {
        BusinessCalendar.Year year = parse(2027, """
                year: 2027
                source: "a test notice"
                holidays:
                  - {name: "New Year", from: 2027-01-01, to: 2027-01-03}
                makeUpWorkingDays: [2027-01-09]
                """);
        assertThat(year.holidays()).containsExactlyInAnyOrder(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-02"),
                LocalDate.parse("2027-01-03"));
        assertThat(year.makeUpWorkingDays()).containsExactly(LocalDate.parse("2027-01-09"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            year: 2028\\nsource: x\\nholidays: [{name: a, from: '2027-01-01', to: '2027-01-01'}]          | must say year: 2027
            year: 2027\\nholidays: [{name: a, from: '2027-01-01', to: '2027-01-01'}]                      | must name its source
            year: 2027\\nsource: x                                                                        | has no holidays
            year: 2027\\nsource: x\\nholidays: [{name: a, from: '2027-01-03', to: '2027-01-01'}]          | ends before it starts
            year: 2027\\nsource: x\\nholidays: [{name: a, from: '2026-12-31', to: '2027-01-01'}]          | 2026-12-31 is not in 2027
            year: 2027\\nsource: x\\nholidays: [{name: a, from: '2027-01-01', to: '2027-01-01'}]\\nmakeUpWorkingDays: ['2027-01-04'] | is a MONDAY, not a weekend day
            year: 2027\\nsource: x\\nholidays: [{name: a, from: '2027-01-01', to: '2027-01-03'}]\\nmakeUpWorkingDays: ['2027-01-02'] | is also a holiday
            year: 2027\\nsource: x\\nholidays: [{name: a, from: 'New Year', to: '2027-01-01'}]           | 'New Year' is not a date
            """)
    void aWrongFileStopsTheApplication(String yaml, String problem) {
        assertThatThrownBy(() -> parse(2027, yaml.replace("\\n", "\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Working-day calendar cn-2027.yaml")
                .hasMessageContaining(problem);
    }

    private static BusinessCalendar.Year parse(int year, String yaml) {
        return BusinessCalendar.parse(year, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "cn-" + year + ".yaml");
    }
}
