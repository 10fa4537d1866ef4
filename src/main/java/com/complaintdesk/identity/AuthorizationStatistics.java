package com.complaintdesk.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Planner statistics on the engine's authorization table, on PostgreSQL (docs/performance.md, Department queues).
 *
 * <p>Every authorized task and variable query of the engine joins the caller's grants with
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, filtered by {@code PERMS_ & n = n}. Without statistics on those
 * bit tests PostgreSQL expects a handful of grants where a department holds two per open complaint, keeps them all in
 * memory and compares every task with every grant: a department's queue at 100,000 open complaints took minutes. With
 * them it looks each task's grants up in the engine's index on RESOURCE_ID_ (measured with the values in the
 * statement: over 46 s → 0.64 s for the count of a department's 25,000 tasks). Not enough on its own: a statement the
 * driver has prepared on the server gets a generic plan after five runs, without the values, and the bad plan comes
 * back (docs/performance.md, Department queues). The statistics objects are created once, after the engine has created its
 * tables (ours are migrated by Flyway before that, so this is no migration), then the table is analysed; autovacuum
 * keeps them current. Other databases (the embedded H2) are left alone.
 */
@Component
class AuthorizationStatistics {

    static final List<String> STATISTICS = List.of(
            "create statistics if not exists cd_auth_perms_read on (perms_ & 2) from act_ru_authorization",
            "create statistics if not exists cd_auth_perms_read_task on (perms_ & 64) from act_ru_authorization",
            "create statistics if not exists cd_auth_grantee (mcv) on type_, group_id_, resource_type_ from act_ru_authorization");

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

    private final JdbcTemplate jdbc;

    AuthorizationStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        try {
            String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            if (!"PostgreSQL".equals(database)) {
                return;
            }
            Integer present = jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname like 'cd\\_auth\\_%'", Integer.class);
            if (present != null && present == STATISTICS.size()) {
                return;
            }
            STATISTICS.forEach(jdbc::execute);
            jdbc.execute("analyze act_ru_authorization");
            log.info("Planner statistics for the engine's authorization checks created on act_ru_authorization");
        } catch (DataAccessException e) {
            // the database user may not own the engine's tables: queues then stay as fast as the planner guesses
            log.warn("Planner statistics on act_ru_authorization not created ({}); department queues slow down with many open complaints",
                    e.getMostSpecificCause().getMessage());
        }
    }
}
