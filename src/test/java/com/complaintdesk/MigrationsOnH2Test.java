package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.MigratedH2;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Flyway migrations on H2 2.x, the embedded database of `mvn spring-boot:run` (the Spring tests run them on
 * PostgreSQL 17): they apply, and an evidence file's bytes go into bytea and come back unchanged.
 */
class MigrationsOnH2Test {

    @Test
    void migrationsApplyOnH2AndEvidenceFileContentRoundTrips() {
        DriverManagerDataSource dataSource = MigratedH2.create("migrations");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                insert into complaint (complaint_number, channel, status, complainant_name, complainant_phone, merchant_id, category,
                                       via_sales_promotion, description, registered_at, version)
                values ('CP-20260101-000001', 'ONLINE', 'REGISTERED', 'n', '13800138000', 'M-1', 'OTHER', false, 'd',
                        current_timestamp, 0)""").update();
        long complaintId = jdbc.sql("select id from complaint").query(Long.class).single();
        jdbc.sql("insert into evidence (complaint_id, evidence_type, added_by, added_at) values (:c, 'OTHER', 'system', current_timestamp)")
                .param("c", complaintId).update();
        long evidenceId = jdbc.sql("select id from evidence").query(Long.class).single();
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(content);

        jdbc.sql("insert into evidence_file (evidence_id, content) values (:id, :content)").param("id", evidenceId).param("content", content).update();

        assertThat(jdbc.sql("select content from evidence_file where evidence_id = :id").param("id", evidenceId)
                .query((rs, n) -> rs.getBytes(1)).single()).isEqualTo(content);
        assertThat(jdbc.sql("select count(*) from complaint_survey").query(Long.class).single()).isZero();
    }
}
