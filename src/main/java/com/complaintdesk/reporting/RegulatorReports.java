package com.complaintdesk.reporting;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Outcome;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a regulator asks for: the statistics of a month or quarter by category and channel (received, closed by outcome,
 * decided in time or late), and the complaint register, one row per complaint registered in the period, for audits.
 * Both come from our own tables; no description, card or account number is in them (the complainant's name is).
 */
@Service
public class RegulatorReports {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final NamedParameterJdbcTemplate jdbc;

    RegulatorReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The filter of a report period: {@code 2026-11} (a month) or {@code 2026-Q4} (a quarter); without one the
     * from/to dates. A bad period is a 400 naming {@code period}.
     */
    public static ReportFilter filter(String period, String from, String to, String department, String category, String channel,
                                      LocalDate today) {
        if (period == null || period.isBlank()) {
            return ReportFilter.parse(from, to, department, category, channel, today);
        }
        String value = period.trim();
        LocalDate start;
        LocalDate end;
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            start = LocalDate.of(Integer.parseInt(quarter.group(1)), 3 * Integer.parseInt(quarter.group(2)) - 2, 1);
            end = start.plusMonths(3).minusDays(1);
        } else {
            try {
                YearMonth month = YearMonth.parse(value);
                start = month.atDay(1);
                end = month.atEndOfMonth();
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("period", "a month (2026-11) or a quarter (2026-Q4), not '" + period + "'");
            }
        }
        return ReportFilter.parse(start.toString(), end.toString(), department, category, channel, today);
    }

    /** Per category and channel: received, closed, closed by outcome, decided in time and late; a total row last. */
    @Transactional(readOnly = true)
    public ReportTable statistics(ReportFilter filter) {
        Outcome[] outcomes = Outcome.values();
        int width = 4 + outcomes.length + 3;
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            for (Channel channel : Channel.values()) {
                rows.put(category.name() + "/" + channel.name(), new long[width]);
            }
        }
        Map<String, Object> params = filter.parameters();
        jdbc.query("select c.category, c.channel, count(*) as n from complaint c where c.registered_at >= :start and c.registered_at < :end"
                + filter.where("c") + " group by c.category, c.channel", params, rs -> {
                    rows.get(key(rs))[0] += rs.getLong("n");
                });
        jdbc.query("select c.category, c.channel, c.outcome, count(*) as n from complaint c where c.closed_at >= :start and c.closed_at < :end"
                + filter.where("c") + " group by c.category, c.channel, c.outcome", params, rs -> {
                    long[] row = rows.get(key(rs));
                    row[1] += rs.getLong("n");
                    String outcome = rs.getString("outcome");
                    if (outcome != null) {
                        row[2 + Outcome.valueOf(outcome).ordinal()] += rs.getLong("n");
                    }
                });
        jdbc.query("select c.category, c.channel, sum(case when c.decided_at <= c.decision_due_at then 1 else 0 end) as in_time,"
                + " sum(case when c.decided_at > c.decision_due_at then 1 else 0 end) as late from complaint c"
                + " where c.decided_at >= :start and c.decided_at < :end and (c.outcome is null or c.outcome not in ('WITHDRAWN', 'DUPLICATE'))"
                + filter.where("c") + " group by c.category, c.channel", params, rs -> {
                    long[] row = rows.get(key(rs));
                    row[2 + outcomes.length] += rs.getLong("in_time");
                    row[3 + outcomes.length] += rs.getLong("late");
                });

        List<String> headers = new ArrayList<>(List.of(words("period"), words("category"), words("channel"), words("received"), words("closed")));
        for (Outcome outcome : outcomes) {
            headers.add(BundleWords.zh("report.closedAs") + outcome.label());
        }
        headers.addAll(List.of(words("decidedInTime"), words("decidedLate"), words("inTimeShare")));
        String period = filter.from() + " ~ " + filter.to();
        List<List<Object>> table = new ArrayList<>();
        long[] total = new long[width];
        rows.forEach((key, counts) -> {
            if (counts[0] == 0 && counts[1] == 0 && counts[2 + outcomes.length] == 0 && counts[3 + outcomes.length] == 0) {
                return;
            }
            String[] parts = key.split("/");
            table.add(row(period, Category.valueOf(parts[0]).label(), Channel.valueOf(parts[1]).label(), counts, outcomes.length));
            for (int i = 0; i < width; i++) {
                total[i] += counts[i];
            }
        });
        table.add(row(period, words("total"), "", total, outcomes.length));
        return new ReportTable(words("statistics"), headers, table);
    }

    private static List<Object> row(String period, String category, String channel, long[] counts, int outcomes) {
        List<Object> row = new ArrayList<>(List.of(period, category, channel, counts[0], counts[1]));
        for (int i = 0; i < outcomes; i++) {
            row.add(counts[2 + i]);
        }
        long inTime = counts[2 + outcomes];
        long late = counts[3 + outcomes];
        row.add(inTime);
        row.add(late);
        Double share = KpiQueries.share(inTime, inTime + late);
        row.add(share == null ? "" : "%.1f%%".formatted(100 * share));
        return row;
    }

    private static String key(ResultSet rs) throws SQLException {
        return rs.getString("category") + "/" + rs.getString("channel");
    }

    static final List<String> REGISTER_HEADERS = List.of(
            words("complaintNumber"), words("channel"), words("registeredAt"), words("complainant"), words("merchantID"),
            words("terminalSerial"), words("category"), words("subCategory"), words("department"), words("priority"),
            words("status"), words("decisionDue"), words("daysExtended"), words("deadlineBreached"), words("decidedAt"),
            words("decidedInTime"), words("outcome"), words("rootCause"), words("closedAt"), words("amountPaid"),
            words("satisfactionScore"), words("regulatorReferrals"), words("legalCases"));

    /** One row per complaint registered in the period, oldest first. */
    @Transactional(readOnly = true)
    public ReportTable register(ReportFilter filter) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("select c.complaint_number, c.channel, c.registered_at, c.complainant_name, c.merchant_id, c.terminal_serial,"
                + " c.category, c.sub_category, c.department, c.priority, c.status, c.decision_due_at, c.extended_days,"
                + " c.deadline_breached, c.decided_at, c.outcome, c.root_cause, c.closed_at,"
                + " (select sum(l.amount) from ledger_entry l where l.complaint_id = c.id) as paid,"
                + " (select max(s.score) from complaint_survey s where s.complaint_id = c.id) as score,"
                + " (select count(*) from regulator_referral r where r.complaint_id = c.id) as referrals,"
                + " (select count(*) from legal_case g where g.complaint_id = c.id) as legal_cases"
                + " from complaint c where c.registered_at >= :start and c.registered_at < :end" + filter.where("c")
                + " order by c.registered_at, c.id", filter.parameters(), rs -> {
                    Instant due = instant(rs, "decision_due_at");
                    Instant decided = instant(rs, "decided_at");
                    String outcome = rs.getString("outcome");
                    String department = rs.getString("department");
                    String priority = rs.getString("priority");
                    BigDecimal paid = rs.getBigDecimal("paid");
                    int score = rs.getInt("score");
                    boolean noScore = rs.wasNull();
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getString("complaint_number"));
                    row.add(Channel.valueOf(rs.getString("channel")).label());
                    row.add(instant(rs, "registered_at"));
                    row.add(rs.getString("complainant_name"));
                    row.add(rs.getString("merchant_id"));
                    row.add(rs.getString("terminal_serial"));
                    row.add(Category.valueOf(rs.getString("category")).label());
                    row.add(com.complaintdesk.complaint.SubCategory.ownLabelOf(rs.getString("sub_category")));
                    row.add(department == null ? null : Labels.all().getOrDefault(department, department));
                    row.add(priority == null ? null : com.complaintdesk.complaint.Priority.valueOf(priority).label());
                    row.add(com.complaintdesk.complaint.ComplaintStatus.valueOf(rs.getString("status")).label());
                    row.add(due);
                    row.add(rs.getInt("extended_days"));
                    row.add(rs.getBoolean("deadline_breached"));
                    row.add(decided);
                    row.add(decided == null || due == null || Outcome.WITHDRAWN.name().equals(outcome) || Outcome.DUPLICATE.name().equals(outcome)
                            ? null : !decided.isAfter(due));
                    row.add(outcome == null ? null : Outcome.valueOf(outcome).label());
                    row.add(rs.getString("root_cause"));
                    row.add(instant(rs, "closed_at"));
                    row.add(paid == null ? BigDecimal.ZERO.setScale(2) : paid.setScale(2, java.math.RoundingMode.HALF_UP));
                    row.add(noScore ? null : score);
                    row.add(rs.getLong("referrals"));
                    row.add(rs.getLong("legal_cases"));
                    rows.add(row);
                });
        return new ReportTable(words("register"), REGISTER_HEADERS, rows);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** "期间 Period": the words of report.{@code key} in the message bundles, Chinese first with English beside. */
    private static String words(String key) {
        return BundleWords.both("report." + key);
    }
}
