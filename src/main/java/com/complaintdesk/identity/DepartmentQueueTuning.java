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
 * What keeps a department's queue fast with many open complaints on PostgreSQL: planner statistics on the engine's
 * authorization table and an index in the queue's order on its task table (docs/performance.md, Department queues).
 *
 * <p>Every authorized task and variable query of the engine joins the caller's grants with
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, filtered by {@code PERMS_ & n = n}. Without statistics on those
 * bit tests PostgreSQL expects a handful of grants where a department holds two per open complaint, keeps them all in
 * memory and compares every task with every grant: a department's queue at 100,000 open complaints took minutes. With
 * them it looks each task's grants up in the engine's index on RESOURCE_ID_ (measured with the values in the
 * statement: over 46 s → 0.64 s for the count of a department's 25,000 tasks). Not enough on its own: a statement the
 * driver has prepared on the server gets a generic plan after five runs, without the values, and the bad plan comes
 * back (the postgres profile plans every statement with its values).
 *
 * <p>The queue's first page is sorted as the department filters sort ({@link TaskFilters}: priority, then due date)
 * and then as Tasklist adds (newest first). Without an index in that order PostgreSQL reads and sorts every task of
 * the department (25,000 rows, spilled to disk) to show 15; with {@link #SORT_INDEX} it walks the tasks in order and
 * stops at the fifteenth of the department. It is built {@code concurrently}, so a large task table stays writable
 * while it is built; a build that was cut off leaves an invalid index, which is dropped and built again.
 *
 * <p>Both are created once, after the engine has created its tables (ours are migrated by Flyway before that, so this
 * is no migration); autovacuum keeps the statistics current. Other databases (the embedded H2) are left alone.
 */
@Component
class DepartmentQueueTuning {

    static final List<String> STATISTICS = List.of(
            "create statistics if not exists cd_auth_perms_read on (perms_ & 2) from act_ru_authorization",
            "create statistics if not exists cd_auth_perms_read_task on (perms_ & 64) from act_ru_authorization",
            "create statistics if not exists cd_auth_grantee (mcv) on type_, group_id_, resource_type_ from act_ru_authorization");

    static final String SORT_INDEX = "cd_task_queue_order";

    private static final Logger log = LoggerFactory.getLogger(DepartmentQueueTuning.class);

    private final JdbcTemplate jdbc;

    DepartmentQueueTuning(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void tune() {
        try {
            String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            if ("PostgreSQL".equals(database)) {
                createStatistics();
                createSortIndex();
            }
        } catch (DataAccessException e) {
            // the database user may not own the engine's tables: queues then stay as fast as the planner guesses
            log.warn("Department queue tuning on the engine's tables not done ({}); department queues slow down with many open complaints",
                    e.getMostSpecificCause().getMessage());
        }
    }

    private void createStatistics() {
        Integer present = jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname like 'cd\\_auth\\_%'", Integer.class);
        if (present != null && present == STATISTICS.size()) {
            return;
        }
        STATISTICS.forEach(jdbc::execute);
        jdbc.execute("analyze act_ru_authorization");
        log.info("Planner statistics for the engine's authorization checks created on act_ru_authorization");
    }

    private void createSortIndex() {
        List<Boolean> valid = jdbc.queryForList("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid "
                + "where c.relname = ?", Boolean.class, SORT_INDEX);
        if (valid.equals(List.of(true))) {
            return;
        }
        if (!valid.isEmpty()) {
            jdbc.execute("drop index concurrently if exists " + SORT_INDEX);
        }
        long start = System.nanoTime();
        jdbc.execute("create index concurrently if not exists " + SORT_INDEX
                + " on act_ru_task (priority_ desc, due_date_ asc, create_time_ desc)");
        log.info("Index {} in the department queues' order created on act_ru_task in {} ms", SORT_INDEX,
                (System.nanoTime() - start) / 1_000_000);
    }
}
