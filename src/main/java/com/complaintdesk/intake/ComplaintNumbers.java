package com.complaintdesk.intake;

import com.complaintdesk.complaint.ComplaintNumber;
import com.complaintdesk.shared.BusinessTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out complaint numbers CP-yyyyMMdd-NNNNNN: the day (Asia/Shanghai) and a running number that starts again at
 * 000001 each day, in the order the filings drew them. Nothing is locked for the length of a filing, so filings on
 * one node or several run side by side:
 * <ul>
 *   <li>the running number comes from the sequence {@code complaint_number_seq}: each value is drawn once, by one
 *       filing, whichever node, and a later draw gets a higher value;</li>
 *   <li>each day has a row in {@code complaint_number_day} with the sequence value drawn just before the day's first
 *       number; number of the day = value - first_value. The row is written once a day, in a short transaction of its
 *       own that commits before any number of that day is drawn (two nodes racing for it: one insert wins, the other
 *       reads it), and then kept in memory.</li>
 * </ul>
 * Unique: a value is never drawn twice and a day's first_value never changes. In order: within a day the numbers
 * follow the values. Gaps: a filing that rolls back has drawn its value and it is not used again, and a filing that
 * read its clock just before midnight but drew its value after the next day's row was written takes a number above
 * the next day's values; both leave a number unused, none is given twice (docs/operations-durability.md).
 */
@Component
class ComplaintNumbers {

    private static final String SEQUENCE = "complaint_number_seq";

    private final JdbcClient jdbc;
    private final DataFieldMaxValueIncrementer sequence;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<LocalDate, Long> firstValues = new ConcurrentHashMap<>();

    ComplaintNumbers(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.sequence = incrementerFor(dataSource);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    String next(LocalDate day) {
        long first = firstValueOf(day);
        long value = sequence.nextLongValue();
        long number = value - first;
        if (number > ComplaintNumber.MAX_RUNNING_NUMBER) {
            throw new IllegalStateException("More than 999,999 complaint numbers drawn on " + day);
        }
        return ComplaintNumber.of(day, number);
    }

    /**
     * Writes today's row before the first filing of the day needs it (at start and just after midnight), so a filing
     * seldom needs the second database connection of the day's first number.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "1 0 0 * * *", zone = BusinessTime.ZONE_ID)
    public void prepareToday() {
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        firstValues.keySet().removeIf(day -> day.isBefore(today.minusDays(1)));
        firstValueOf(today);
    }

    private long firstValueOf(LocalDate day) {
        Long known = firstValues.get(day);
        if (known != null) {
            return known;
        }
        long first = stored(day).orElseGet(() -> {
            try {
                return ownTransaction.execute(status -> {
                    long drawn = sequence.nextLongValue();
                    jdbc.sql("insert into complaint_number_day (number_day, first_value) values (:day, :first)")
                            .param("day", day).param("first", drawn).update();
                    return drawn;
                });
            } catch (DataIntegrityViolationException anotherFilingWroteIt) {
                return stored(day).orElseThrow(() -> anotherFilingWroteIt);
            }
        });
        firstValues.putIfAbsent(day, first);
        return firstValues.get(day);
    }

    private Optional<Long> stored(LocalDate day) {
        return jdbc.sql("select first_value from complaint_number_day where number_day = :day").param("day", day)
                .query(Long.class).optional();
    }

    private static DataFieldMaxValueIncrementer incrementerFor(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the complaint numbers", e);
        }
        return switch (product) {
            case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
            case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
            default -> throw new IllegalStateException("Complaint numbers need H2 or PostgreSQL, not " + product);
        };
    }
}
