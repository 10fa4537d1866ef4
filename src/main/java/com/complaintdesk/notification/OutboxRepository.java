package com.complaintdesk.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The outbox table. A row changes state only through the conditional updates below: a dispatcher claims a due row
 * (token and lease) before it sends it, and only the holder of the token may record the result. Portable JPQL: no
 * database's row locking is needed, so H2 and PostgreSQL behave alike.
 */
interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByComplaintNumberOrderByIdAsc(String complaintNumber);

    /** Rows due now and not held by a live claim, the longest-waiting first. */
    @Query("""
            select m.id from OutboxMessage m
            where m.status = :pending and m.nextAttemptAt <= :now and (m.claimedUntil is null or m.claimedUntil < :now)
            order by m.nextAttemptAt asc, m.id asc""")
    List<Long> findDue(@Param("pending") OutboxStatus pending, @Param("now") Instant now, Pageable page);

    /** 1 when this caller now holds the row until {@code until}; 0 when it is not due, not pending or held by another. */
    @Modifying
    @Query("""
            update OutboxMessage m set m.claimToken = :token, m.claimedUntil = :until
            where m.id = :id and m.status = :pending and m.nextAttemptAt <= :now
              and (m.claimedUntil is null or m.claimedUntil < :now)""")
    int claim(@Param("id") long id, @Param("token") String token, @Param("pending") OutboxStatus pending,
              @Param("now") Instant now, @Param("until") Instant until);

    @Modifying
    @Query("""
            update OutboxMessage m set m.status = :status, m.sentAt = :now, m.attempts = m.attempts + 1,
                m.claimToken = null, m.claimedUntil = null
            where m.id = :id and m.claimToken = :token""")
    int markSent(@Param("id") long id, @Param("token") String token, @Param("status") OutboxStatus status, @Param("now") Instant now);

    /** A failed attempt: PENDING again from {@code next}, or FAILED when the attempts are used up. */
    @Modifying
    @Query("""
            update OutboxMessage m set m.status = :status, m.attempts = :attempts, m.lastError = :error, m.nextAttemptAt = :next,
                m.claimToken = null, m.claimedUntil = null
            where m.id = :id and m.claimToken = :token""")
    int markFailedAttempt(@Param("id") long id, @Param("token") String token, @Param("status") OutboxStatus status,
                          @Param("attempts") int attempts, @Param("error") String error, @Param("next") Instant next);

    /**
     * Staff's retry: a FAILED or still-pending row is due now with its attempts counted afresh; not a row a dispatcher
     * is sending at this moment (its result would be lost and the message sent twice).
     */
    @Modifying
    @Query("""
            update OutboxMessage m set m.status = :pending, m.attempts = 0, m.nextAttemptAt = :now,
                m.claimToken = null, m.claimedUntil = null
            where m.id = :id and m.status in :retryable and (m.claimedUntil is null or m.claimedUntil < :now)""")
    int retry(@Param("id") long id, @Param("pending") OutboxStatus pending, @Param("retryable") Collection<OutboxStatus> retryable,
              @Param("now") Instant now);

    List<OutboxMessage> findByStatusOrderByIdDesc(OutboxStatus status, Pageable page);

    List<OutboxMessage> findByStatusAndLastErrorIsNotNullOrderByIdDesc(OutboxStatus status, Pageable page);

    long countByStatus(OutboxStatus status);

    long countByStatusAndLastErrorIsNotNull(OutboxStatus status);

    @Query("select min(m.createdAt) from OutboxMessage m where m.status = :pending")
    Instant oldestCreatedAt(@Param("pending") OutboxStatus pending);
}
