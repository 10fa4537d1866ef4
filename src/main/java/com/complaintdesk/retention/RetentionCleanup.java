package com.complaintdesk.retention;

import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.reporting.KpiRollup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly retention cleanup (complaint-desk.retention.cron, Asia/Shanghai): complaints closed longer ago than
 * complaint-desk.retention.period are removed with every row that refers to them, directly or through another row
 * (evidence and its files, timeline, letters, settlements, payments, surveys, legal cases, referrals, messages...):
 * the tables and the order come from the database's foreign keys ({@link ComplaintOwnedTables}), read at every run,
 * so a table added later goes too without being listed here; the KPIs' daily pre-aggregate forgets it
 * ({@link KpiRollup#takeOut}), so the KPIs of a period stay what the complaint tables say. Outbox messages about no
 * complaint go once they are as old. Kept, however old: complaints under legal hold, that is with an open legal case,
 * an open regulator referral, or a manager's hold (complaint_legal_hold). Each complaint goes in a transaction of its
 * own that locks it and checks again, so a node that loses a race to another node's cleanup, or a hold placed
 * meanwhile, skips it and nothing is half-removed. The engine removes its own history (the same
 * period is every definition's time-to-live, {@link HistoryRetention}). One log line and the counters
 * {@code complaintdesk.retention.removed{kind}} say what went.
 */
@Service
public class RetentionCleanup {

    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);

    private static final String NOT_HELD = " and not exists (select 1 from complaint_legal_hold h where h.complaint_id = c.id)"
            + " and not exists (select 1 from legal_case l where l.complaint_id = c.id and l.concluded_at is null)"
            + " and not exists (select 1 from regulator_referral r where r.complaint_id = c.id and r.concluded_at is null)";
    private static final String EXPIRED = "select c.id from complaint c where c.status = 'CLOSED' and c.closed_at < :cutoff"
            + NOT_HELD + " order by c.closed_at, c.id";
    private static final String EXPIRED_ONE = "select c.id from complaint c where c.id = :id and c.status = 'CLOSED'"
            + " and c.closed_at < :cutoff" + NOT_HELD;

    /** What a run removed and kept. */
    public record Result(Instant cutoff, long complaints, long evidenceFiles, long outboxMessages, long held, long failed) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final KpiRollup rollup;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final RepositoryService repositoryService;
    private final Clock clock;
    private final Counter complaintsRemoved;
    private final Counter evidenceRemoved;
    private final Counter outboxRemoved;

    RetentionCleanup(NamedParameterJdbcTemplate jdbc, DataSource dataSource, KpiRollup rollup, TransactionTemplate transactions,
                     RetentionProperties properties, RepositoryService repositoryService, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.rollup = rollup;
        this.transactions = transactions;
        this.properties = properties;
        this.repositoryService = repositoryService;
        this.clock = clock;
        this.complaintsRemoved = removed(meters, "complaints");
        this.evidenceRemoved = removed(meters, "evidence_files");
        this.outboxRemoved = removed(meters, "outbox_messages");
    }

    private static Counter removed(MeterRegistry meters, String kind) {
        return Counter.builder("complaintdesk.retention.removed").tag("kind", kind)
                .description("Records removed by the retention cleanup").register(meters);
    }

    @Scheduled(cron = "${complaint-desk.retention.cron:0 30 2 * * *}", zone = BusinessTime.ZONE_ID)
    void nightly() {
        run();
    }

    /** Removes what is past the retention period now; the nightly job calls it. */
    public Result run() {
        HistoryRetention.align(repositoryService, properties.days());
        ComplaintOwnedTables.Plan plan = ComplaintOwnedTables.read(dataSource);
        Instant cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(properties.getPeriod()).toInstant();
        Map<String, Object> cutoffParam = Map.of("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        long complaints = 0;
        long evidence = 0;
        long failed = 0;
        List<Long> batch;
        java.util.Set<Long> skipped = new java.util.HashSet<>();
        do {
            batch = jdbc.queryForList(EXPIRED, cutoffParam, Long.class).stream().filter(id -> !skipped.contains(id))
                    .limit(properties.getBatchSize()).toList();
            for (Long id : batch) {
                try {
                    Long files = transactions.execute(status -> remove(id, cutoffParam, plan));
                    if (files != null && files >= 0) {
                        complaints++;
                        evidence += files;
                    } else {
                        skipped.add(id); // gone already, or held since the batch was read
                    }
                } catch (DataAccessException e) {
                    // another node removed it first, or a record we do not know refers to it: it stays, and is reported
                    failed++;
                    skipped.add(id);
                    log.warn("Retention cleanup could not remove complaint {}: {}", id, e.getMostSpecificCause().getMessage());
                }
            }
        } while (!batch.isEmpty() && batch.stream().anyMatch(id -> !skipped.contains(id)));
        long outbox = transactions.execute(status -> (long) jdbc.update(
                "delete from notification_outbox where complaint_id is null and created_at < :cutoff and status <> 'PENDING'", cutoffParam));
        Long held = jdbc.queryForObject("select count(*) from complaint c where c.status = 'CLOSED' and c.closed_at < :cutoff and ("
                + "exists (select 1 from complaint_legal_hold h where h.complaint_id = c.id)"
                + " or exists (select 1 from legal_case l where l.complaint_id = c.id and l.concluded_at is null)"
                + " or exists (select 1 from regulator_referral r where r.complaint_id = c.id and r.concluded_at is null))",
                cutoffParam, Long.class);
        complaintsRemoved.increment(complaints);
        evidenceRemoved.increment(evidence);
        outboxRemoved.increment(outbox);
        Result result = new Result(cutoff, complaints, evidence, outbox, held == null ? 0 : held, failed);
        log.info("Retention cleanup: removed {} complaints closed before {} with {} evidence files, and {} outbox messages;"
                        + " kept {} under legal hold; {} could not be removed (period {})",
                complaints, cutoff, evidence, outbox, result.held(), failed, properties.getPeriod());
        return result;
    }

    /**
     * Removes one complaint and what refers to it; returns its evidence files, or -1 when it was gone already or has
     * been put under hold since the batch was read. The complaint's row is locked first (a hold, a legal case or a
     * referral placed meanwhile waits for this transaction, or is seen by the check that follows the lock).
     */
    private long remove(long id, Map<String, Object> cutoffParam, ComplaintOwnedTables.Plan plan) {
        Map<String, Object> params = new java.util.HashMap<>(cutoffParam);
        params.put("id", id);
        if (jdbc.queryForList("select id from complaint where id = :id and status = 'CLOSED' for update", params, Long.class).isEmpty()
                || jdbc.queryForList(EXPIRED_ONE, params, Long.class).isEmpty()) {
            return -1;
        }
        Long files = jdbc.queryForObject("select count(*) from evidence_file f join evidence e on e.id = f.evidence_id where e.complaint_id = :id",
                params, Long.class);
        rollup.takeOut(id);
        for (String delete : plan.deletes()) {
            jdbc.update(delete, params);
        }
        jdbc.update("delete from complaint where id = :id", params);
        return files == null ? 0 : files;
    }
}
