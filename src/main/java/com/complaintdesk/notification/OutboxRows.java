package com.complaintdesk.notification;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a step's new outbox rows in one statement, in the step's transaction, with no entity to keep and check at
 * commit: a message whose idempotency key is in the outbox already (the step ran before) is skipped by the same
 * statement. Portable SQL (H2 2.x and PostgreSQL); the casts give the database each value's type, null or not.
 */
@Component
class OutboxRows {

    /** A message to write. */
    record Row(Long complaintId, String complaintNumber, MessageType type, DeliveryChannel channel, String recipient,
               String subject, String body, String idempotencyKey) {
    }

    private static final String ROW = "(cast(? as bigint), cast(? as varchar(20)), cast(? as varchar(30)), cast(? as varchar(10)), "
            + "cast(? as varchar(200)), cast(? as varchar(300)), cast(? as varchar(20000)), cast(? as varchar(120)), cast(? as integer))";

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the rows not in the outbox yet, PENDING and due at {@code now}; returns how many it wrote. */
    int insertNew(List<Row> rows, Instant now) {
        // the same message to the same address twice (two staff members sharing one address) is written once
        Map<String, Row> distinct = new LinkedHashMap<>();
        rows.forEach(row -> distinct.putIfAbsent(row.idempotencyKey(), row));
        if (distinct.isEmpty()) {
            return 0;
        }
        StringJoiner values = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        for (Row row : distinct.values()) {
            values.add(ROW);
            params.add(new SqlParameterValue(Types.BIGINT, row.complaintId()));
            params.add(new SqlParameterValue(Types.VARCHAR, row.complaintNumber()));
            params.add(row.type().name());
            params.add(row.channel().name());
            params.add(row.recipient());
            params.add(new SqlParameterValue(Types.VARCHAR, row.subject()));
            params.add(row.body());
            params.add(row.idempotencyKey());
            params.add(params.size()); // the row's place: ids are given in the order the step queued its messages
        }
        params.add(OutboxStatus.PENDING.name());
        params.add(now.atOffset(ZoneOffset.UTC));
        params.add(now.atOffset(ZoneOffset.UTC));
        return jdbc.sql("""
                insert into notification_outbox (complaint_id, complaint_number, message_type, channel, recipient, subject, body,
                                                 idempotency_key, status, attempts, next_attempt_at, created_at)
                select m.complaint_id, m.complaint_number, m.message_type, m.channel, m.recipient, m.subject, m.body,
                       m.idempotency_key, s.pending, 0, s.due_at, s.written_at
                  from (values %s) as m (complaint_id, complaint_number, message_type, channel, recipient, subject, body, idempotency_key, place)
                 cross join (select cast(? as varchar(20)) as pending, cast(? as timestamp with time zone) as due_at,
                                    cast(? as timestamp with time zone) as written_at) as s
                 where not exists (select 1 from notification_outbox o where o.idempotency_key = m.idempotency_key)
                 order by m.place"""
                        .formatted(values))
                .params(params)
                .update();
    }
}
