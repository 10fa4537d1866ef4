package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The planner statistics on the engine's authorization table exist on PostgreSQL after start, built by ANALYZE. */
@ComplaintDeskSpringTest
class AuthorizationStatisticsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAuthorizationTableHasStatisticsOnItsPermissionBitsAndGrantees() {
        assertThat(jdbc.queryForList("select stxname from pg_statistic_ext where stxname like 'cd\\_auth\\_%' order by stxname", String.class))
                .containsExactly("cd_auth_grantee", "cd_auth_perms_read", "cd_auth_perms_read_task");
        assertThat(jdbc.queryForObject("select count(*) from pg_stats_ext_exprs where statistics_name like 'cd\\_auth\\_perms%'", Integer.class))
                .as("expression statistics built by ANALYZE").isEqualTo(2);
    }
}
