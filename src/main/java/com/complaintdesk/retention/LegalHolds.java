package com.complaintdesk.retention;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint manager's legal hold: the retention cleanup keeps the complaint however long ago it closed, until the hold
 * is released. Placing and releasing are recorded on the complaint's timeline (staff only).
 */
@Service
public class LegalHolds {

    static final int MAX_REASON = 2000;

    public record Hold(String complaintNumber, String reason, String placedBy, java.time.Instant placedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ComplaintRecords records;

    LegalHolds(NamedParameterJdbcTemplate jdbc, ComplaintRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Transactional(readOnly = true)
    public Optional<Hold> of(String complaintNumber) {
        Complaint complaint = records.get(complaintNumber);
        return jdbc.query("select reason, placed_by, placed_at from complaint_legal_hold where complaint_id = :id",
                Map.of("id", complaint.getId()), (rs, n) -> new Hold(complaintNumber, rs.getString("reason"), rs.getString("placed_by"),
                        rs.getTimestamp("placed_at").toInstant())).stream().findFirst();
    }

    /** Places the hold; one already there stays as it is (false). */
    @Transactional
    public boolean place(String complaintNumber, String reason, String user) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "say why the complaint is held (a lawsuit expected, an audit, ...)");
        }
        if (reason.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "at most " + MAX_REASON + " characters");
        }
        Complaint complaint = records.get(complaintNumber);
        Map<String, Object> params = Map.of("id", complaint.getId(), "reason", reason.strip(), "user", user,
                "at", OffsetDateTime.ofInstant(records.now(), ZoneOffset.UTC));
        int placed = jdbc.update("insert into complaint_legal_hold (complaint_id, reason, placed_by, placed_at)"
                + " select :id, :reason, :user, :at from complaint where id = :id"
                + " and not exists (select 1 from complaint_legal_hold where complaint_id = :id)", params);
        if (placed == 1) {
            records.recordInternal(complaint, Milestone.LEGAL_HOLD, BundleWords.both("legalHold.record.placed", reason.strip()));
        }
        return placed == 1;
    }

    /** Releases the hold; false when there was none. */
    @Transactional
    public boolean release(String complaintNumber) {
        Complaint complaint = records.get(complaintNumber);
        int released = jdbc.update("delete from complaint_legal_hold where complaint_id = :id", Map.of("id", complaint.getId()));
        if (released == 1) {
            records.recordInternal(complaint, Milestone.LEGAL_HOLD, BundleWords.both("legalHold.record.released"));
        }
        return released == 1;
    }
}
