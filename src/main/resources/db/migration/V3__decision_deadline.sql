-- The complaint's decision deadline (com.complaintdesk.deadline): when the company's decision is due, whether it passed
-- without one, and the extensions (days in all, the latest reason). Portable SQL: H2 2.x and PostgreSQL 15+.
-- Complaints registered before this migration keep decision_due_at null; the application then counts their deadline
-- from registered_at with the current rules.
alter table complaint add column decision_due_at timestamp with time zone;
alter table complaint add column deadline_breached boolean default false not null;
alter table complaint add column extended_days integer default 0 not null;
alter table complaint add column extension_reason varchar(2000);
