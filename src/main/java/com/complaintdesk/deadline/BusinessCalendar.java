package com.complaintdesk.deadline;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * China's working days and all deadline arithmetic, in Asia/Shanghai.
 *
 * <p>A working day is a Monday to Friday that is not a public holiday, or a weekend day that the State Council made a
 * make-up working day (调休). Both come from one file per year, {@code calendar/cn-YYYY.yaml}, copied from the State
 * Council's notice for that year. For a year without a file only weekends are days off: holidays are missed and
 * make-up days are not worked, so deadlines may fall on a holiday. The application says so loudly: a WARN at start-up
 * for the current and the next year, a WARN the first time a date of such a year is counted, and the health component
 * {@code businessCalendar} (status WARNING).
 *
 * <p>Deadlines: a period starts on the day of its start, which is not counted, and ends at the end of its last day,
 * 23:59:59 in Asia/Shanghai. 1 working day from a Friday is the following Monday 23:59:59 (or the Saturday, when that
 * Saturday is a make-up working day). A calendar period ends on its last day even when that day is a holiday.
 */
@Component
public class BusinessCalendar {

    /** Deadlines end at this time of their last day. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    static final String DEFAULT_LOCATIONS = "classpath*:calendar/cn-*.yaml";
    private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.yaml");
    /** No period of this application comes near; a larger count is a bug, not a deadline. */
    private static final int MAX_DAYS = 3660;

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

    /** One year of the State Council's calendar. */
    record Year(int year, String source, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
    }

    private final Clock clock;
    private final SortedMap<Integer, Year> years;
    private final Set<Integer> reportedMissing = ConcurrentHashMap.newKeySet();

    @Autowired
    public BusinessCalendar(Clock clock, @Value("${complaint-desk.calendar.locations:" + DEFAULT_LOCATIONS + "}") String[] locations) {
        this(clock, load(locations));
    }

    BusinessCalendar(Clock clock, Map<Integer, Year> years) {
        this.clock = clock;
        this.years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
        reportAtStartUp();
    }

    // ---- what the calendar knows ----

    public boolean isWorkingDay(LocalDate day) {
        Year year = years.get(day.getYear());
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (year == null) {
            reportMissingOnUse(day.getYear());
            return !weekend;
        }
        if (year.makeUpWorkingDays().contains(day)) {
            return true;
        }
        return !weekend && !year.holidays().contains(day);
    }

    /** The years with a calendar file, ascending. */
    public SortedSet<Integer> coveredYears() {
        return new TreeSet<>(years.keySet());
    }

    /** Of the current year and the next (by the application's clock), those with no calendar file. */
    public List<Integer> missingYears() {
        int current = LocalDate.now(clock.withZone(ZONE)).getYear();
        List<Integer> missing = new ArrayList<>();
        for (int year = current; year <= current + 1; year++) {
            if (!years.containsKey(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    // ---- deadline arithmetic ----

    /** The end (23:59:59 Asia/Shanghai) of the day that is {@code days} working days after the day of {@code start}. */
    public Instant plusWorkingDays(Instant start, int days) {
        return endOf(plusWorkingDays(dateOf(start), days));
    }

    /** The end (23:59:59 Asia/Shanghai) of the day that is {@code days} calendar days after the day of {@code start}. */
    public Instant plusCalendarDays(Instant start, int days) {
        return endOf(dateOf(start).plusDays(checked(days)));
    }

    /** The end of the working day that is {@code days} working days before the day of {@code due}. */
    public Instant minusWorkingDays(Instant due, int days) {
        LocalDate day = dateOf(due);
        for (int counted = 0; counted < checked(days); ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return endOf(day);
    }

    /** {@code start} plus a period of the deadline table, ending at the end of its last day. */
    public Instant plus(Instant start, PeriodLength length) {
        return length.unit() == DayUnit.WORKING ? plusWorkingDays(start, length.days()) : plusCalendarDays(start, length.days());
    }

    /** The end of the day {@code length} before the day of {@code due} (calendar days back, or working days back). */
    public Instant minus(Instant due, PeriodLength length) {
        return length.unit() == DayUnit.WORKING ? minusWorkingDays(due, length.days())
                : endOf(dateOf(due).minusDays(checked(length.days())));
    }

    /** The working day {@code days} working days after {@code start} ({@code start} itself not counted). */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate day = start;
        for (int counted = 0; counted < checked(days); ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Days after the day of {@code from} up to and including the day of {@code to}, calendar or working; 0 when not later. */
    public int daysBetween(Instant from, Instant to, DayUnit unit) {
        LocalDate first = dateOf(from);
        LocalDate last = dateOf(to);
        if (!last.isAfter(first)) {
            return 0;
        }
        if (unit == DayUnit.CALENDAR) {
            return (int) ChronoUnit.DAYS.between(first, last);
        }
        int count = 0;
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** 23:59:59 of the day in Asia/Shanghai: the moment a deadline ending that day passes. */
    public static Instant endOf(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(ZONE).toInstant();
    }

    private static int checked(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 0 and " + MAX_DAYS + ": " + days);
        }
        return days;
    }

    // ---- reporting missing years ----

    private void reportAtStartUp() {
        List<Integer> missing = missingYears();
        if (missing.isEmpty()) {
            log.info("Working-day calendar covers {}", years.keySet());
            return;
        }
        missing.forEach(reportedMissing::add);
        log.warn("Working-day calendar covers {} but has no file for {}: deadlines in {} count weekends only (public "
                        + "holidays and make-up working days are ignored). Add calendar/cn-{}.yaml from the State Council's "
                        + "holiday notice for that year.",
                years.isEmpty() ? "no year" : years.keySet(), missing, missing.size() == 1 ? "that year" : "those years",
                missing.get(0));
    }

    private void reportMissingOnUse(int year) {
        if (reportedMissing.add(year)) {
            log.warn("No working-day calendar for {} (covered: {}): counting weekends only. Add calendar/cn-{}.yaml from "
                    + "the State Council's holiday notice for {}.", year, years.keySet(), year, year);
        }
    }

    // ---- the files ----

    static Map<Integer, Year> load(String... locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<Integer, Year> loaded = new TreeMap<>();
        for (String location : locations) {
            if (location == null || location.isBlank()) {
                continue;
            }
            try {
                for (Resource resource : resolver.getResources(location.strip())) {
                    Year year = read(resource);
                    if (loaded.putIfAbsent(year.year(), year) != null) {
                        throw new IllegalStateException("Working-day calendar: two files for " + year.year() + " (" + resource + ")");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Working-day calendar: cannot read " + location, e);
            }
        }
        return loaded;
    }

    static Year read(Resource resource) throws IOException {
        String name = resource.getFilename();
        Matcher fileName = FILE_NAME.matcher(name == null ? "" : name);
        if (!fileName.matches()) {
            throw new IllegalStateException("Working-day calendar: " + resource + " is not named cn-YYYY.yaml");
        }
        try (InputStream in = resource.getInputStream()) {
            return parse(Integer.parseInt(fileName.group(1)), in, name);
        }
    }

    /** Reads and checks one year's file; any mistake stops the application, since it would move every deadline. */
    static Year parse(int fileYear, InputStream yaml, String name) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw invalid(name, "is not a YAML map");
        }
        Object year = map.get("year");
        if (!(year instanceof Integer y) || y != fileYear) {
            throw invalid(name, "must say year: " + fileYear + " (it says " + year + ")");
        }
        Object source = map.get("source");
        if (source == null || source.toString().isBlank()) {
            throw invalid(name, "must name its source (the State Council's notice)");
        }
        Set<LocalDate> holidays = new HashSet<>();
        if (!(map.get("holidays") instanceof List<?> ranges) || ranges.isEmpty()) {
            throw invalid(name, "has no holidays");
        }
        for (Object range : ranges) {
            if (!(range instanceof Map<?, ?> r)) {
                throw invalid(name, "holidays must be a list of {name, from, to}");
            }
            LocalDate from = date(name, r.get("from"), fileYear);
            LocalDate to = date(name, r.get("to"), fileYear);
            if (to.isBefore(from)) {
                throw invalid(name, "holiday " + r.get("name") + " ends before it starts");
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                holidays.add(day);
            }
        }
        Set<LocalDate> makeUp = new HashSet<>();
        Object makeUpDays = map.get("makeUpWorkingDays");
        if (makeUpDays != null && !(makeUpDays instanceof List<?>)) {
            throw invalid(name, "makeUpWorkingDays must be a list of dates");
        }
        for (Object value : makeUpDays == null ? List.of() : (List<?>) makeUpDays) {
            LocalDate day = date(name, value, fileYear);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw invalid(name, "make-up working day " + day + " is a " + day.getDayOfWeek() + ", not a weekend day");
            }
            if (holidays.contains(day)) {
                throw invalid(name, "make-up working day " + day + " is also a holiday");
            }
            makeUp.add(day);
        }
        return new Year(fileYear, source.toString().strip(), Set.copyOf(holidays), Set.copyOf(makeUp));
    }

    private static LocalDate date(String name, Object value, int year) {
        LocalDate day;
        if (value instanceof Date date) {
            // an unquoted date, which YAML reads as midnight UTC
            day = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } else {
            try {
                day = LocalDate.parse(String.valueOf(value).strip());
            } catch (DateTimeParseException e) {
                throw invalid(name, "'" + value + "' is not a date like 2026-10-01");
            }
        }
        if (day.getYear() != year) {
            throw invalid(name, day + " is not in " + year);
        }
        return day;
    }

    private static IllegalStateException invalid(String name, String problem) {
        return new IllegalStateException("Working-day calendar " + name + ": " + problem);
    }
}
