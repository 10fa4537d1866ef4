-- The KPIs' daily pre-aggregate (com.complaintdesk.reporting.KpiRollup). A closed complaint no longer changes (closing
-- is final: no extension, breach or legal action on a closed complaint), so what the KPIs read of it is added once to
-- kpi_day and the KPI queries read the small kpi_day instead of a million complaint rows; what is not rolled up yet
-- (open complaints, and closed ones since the last catch-up) they read live. complaint.kpi_batch says which
-- catch-up took a complaint (null: not yet). Portable SQL: runs on H2 2.x (embedded default) and PostgreSQL 15+.
alter table complaint add column kpi_batch bigint;
-- the live part: complaints with kpi_batch null (open ones, and closed ones the next catch-up takes)
create index ix_complaint_kpi_batch on complaint (kpi_batch, status);

-- One row per day (Asia/Shanghai, days since 1970-01-01) and kind, department, category, channel (and outcome, and hours
-- from registration to decision), per catch-up; the queries sum them. Kinds: R registered that day, C closed that day,
-- D decided that day. A complaint the retention cleanup removes is taken out again by rows with negative counts.
create table kpi_day (
    kind        char(1)     not null,
    day_number  integer     not null,
    department  varchar(40),
    category    varchar(40) not null,
    channel     varchar(20) not null,
    outcome     varchar(40),
    hours       integer,
    complaints  bigint      not null,
    extended    bigint      not null,
    breached    bigint      not null,
    due         bigint      not null,
    in_time     bigint      not null,
    batch       bigint      not null
);
create index ix_kpi_day on kpi_day (kind, day_number, department, category, channel);

-- One row: the last catch-up's number. A catch-up locks it, so two nodes never take the same complaints.
create table kpi_rollup (
    id         integer not null primary key,
    last_batch bigint  not null
);
insert into kpi_rollup (id, last_batch) values (1, 0);
