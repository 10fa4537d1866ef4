-- Reporting (com.complaintdesk.reporting) and retention (com.complaintdesk.retention).
-- Portable SQL: runs on H2 2.x (embedded default) and PostgreSQL 15+ (production).

-- When the company decided: its final response or the closure, whichever came first. Complaints decided before this
-- migration take it from their timeline (the first final response) or else from their closure.
alter table complaint add column decided_at timestamp with time zone;
update complaint set decided_at = (select min(t.occurred_at) from timeline_entry t
                                   where t.complaint_id = complaint.id and t.milestone = 'FINAL_RESPONSE_ISSUED');
update complaint set decided_at = closed_at where decided_at is null and closed_at is not null;

-- The KPI queries read these columns only, so PostgreSQL answers them from the index (an index-only scan) however
-- wide the complaint rows are: decisions in a period, registrations and closures in a period, what is open now.
create index ix_complaint_decided on complaint
    (decided_at, registered_at, decision_due_at, category, channel, department, outcome, deadline_breached, extended_days);
create index ix_complaint_registered on complaint (registered_at, category, channel, department, deadline_breached, extended_days);
create index ix_complaint_closed on complaint (closed_at, category, channel, department, outcome);
create index ix_complaint_open on complaint (status, department, category, channel, priority);
create index ix_ledger_created on ledger_entry (created_at, complaint_id);
create index ix_proposal_status on settlement_proposal (status, responded_at);
create index ix_outbox_created on notification_outbox (created_at);

-- A complaint a complaint manager put on legal hold: the retention cleanup keeps it (and its evidence and messages)
-- until the hold is released, however long ago it closed. Open legal cases and referrals hold a complaint without a row.
create table complaint_legal_hold (
    complaint_id bigint        not null primary key references complaint (id),
    reason       varchar(2000) not null,
    placed_by    varchar(64)   not null,
    placed_at    timestamp with time zone not null
);
