package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planner statistics on the engine's authorization table exist on PostgreSQL after start, built by ANALYZE; the
 * production profile's connections plan every statement with its values, so the statistics are used; and the task
 * table has a valid index in the order the department filters sort, then Tasklist's newest first
 * (docs/performance.md, Department queues).
 */
@ComplaintDeskSpringTest
class DepartmentQueueTuningTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    FilterService filterService;

    @Autowired
    DepartmentQueueTuning tuning;

    @Test
    void theAuthorizationTableHasStatisticsOnItsPermissionBitsAndGrantees() {
        assertThat(jdbc.queryForList("select stxname from pg_statistic_ext where stxname like 'cd\\_auth\\_%' order by stxname", String.class))
                .containsExactly("cd_auth_grantee", "cd_auth_perms_read", "cd_auth_perms_read_task");
        assertThat(jdbc.queryForObject("select count(*) from pg_stats_ext_exprs where statistics_name like 'cd\\_auth\\_perms%'", Integer.class))
                .as("expression statistics built by ANALYZE").isEqualTo(2);
    }

    @Test
    void theTaskTableHasAValidIndexInTheOrderOfTheDepartmentFiltersThenTasklistsNewestFirst() {
        Filter technicalSupport = filterService.createFilterQuery().filterName(TaskFilters.DEFINITIONS.stream()
                .filter(d -> Departments.TECHNICAL_SUPPORT.equals(d.candidateGroup())).findFirst().orElseThrow().name()).singleResult();
        List<String> filterOrder = ((TaskQueryImpl) technicalSupport.getQuery()).getOrderingProperties().stream()
                .map(o -> o.getQueryProperty().getName().toLowerCase(Locale.ROOT) + (o.getDirection() == Direction.DESCENDING ? " desc" : ""))
                .toList();
        assertThat(filterOrder).containsExactly("priority_ desc", "due_date_");

        String definition = jdbc.queryForObject("select pg_get_indexdef(c.oid) from pg_class c join pg_index i on i.indexrelid = c.oid "
                + "where c.relname = ? and i.indisvalid", String.class, DepartmentQueueTuning.SORT_INDEX);
        assertThat(definition).as("the filters' order, then Tasklist's default sort (created, newest first)")
                .endsWith("ON public.act_ru_task USING btree (priority_ DESC, due_date_, create_time_ DESC)");
    }

    @Test
    void anIndexLeftInvalidByACutOffBuildIsBuiltAgain() {
        // what a build cut off half-way leaves behind: the index in the catalogue, marked invalid
        jdbc.execute("update pg_index set indisvalid = false where indexrelid = '" + DepartmentQueueTuning.SORT_INDEX + "'::regclass");
        assertThat(jdbc.queryForObject("select indisvalid from pg_index where indexrelid = '" + DepartmentQueueTuning.SORT_INDEX + "'::regclass",
                Boolean.class)).isFalse();

        tuning.tune();

        assertThat(jdbc.queryForObject("select indisvalid from pg_index where indexrelid = '" + DepartmentQueueTuning.SORT_INDEX + "'::regclass",
                Boolean.class)).isTrue();
    }

    @Test
    void thePostgresProfilesConnectionsNeverServerPrepareAStatement() throws Exception {
        Properties driverDefaults = new Properties();
        assertThat(preparedOnServerAfterTenRuns(driverDefaults))
                .as("the driver's default: server-prepared (a generic plan may follow) after five runs").isTrue();

        Properties profile = new Properties();
        profile.putAll(dataSourcePropertiesOfThePostgresProfile());
        assertThat(profile).containsEntry("prepareThreshold", "0");
        assertThat(preparedOnServerAfterTenRuns(profile)).as("the postgres profile: planned with its values every run").isFalse();
    }

    /** Runs one authorization-like statement ten times on a fresh connection and asks the server whether it holds it prepared. */
    private boolean preparedOnServerAfterTenRuns(Properties properties) throws SQLException {
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "postgres");
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), properties);
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from act_ru_authorization where group_id_ = ? and perms_ & ? = ?")) {
            for (int run = 0; run < 10; run++) {
                statement.setString(1, Departments.TECHNICAL_SUPPORT);
                statement.setInt(2, 2);
                statement.setInt(3, 2);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                }
            }
            try (ResultSet prepared = connection.createStatement().executeQuery(
                    "select count(*) from pg_prepared_statements where statement like '%act_ru_authorization%'")) {
                prepared.next();
                return prepared.getInt(1) > 0;
            }
        }
    }

    private static Map<String, String> dataSourcePropertiesOfThePostgresProfile() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("postgres", new ClassPathResource("application-postgres.yaml"))
                .forEach(environment.getPropertySources()::addFirst);
        return Binder.get(environment).bind("spring.datasource.hikari.data-source-properties",
                Bindable.mapOf(String.class, String.class)).get();
    }
}
