-- The KPIs' daily pre-aggregate in its second shape (com.complaintdesk.reporting.KpiRollup): every closed complaint is
-- counted in one row per combination of the three filters (department, category, channel, each named or '*' for
-- every one), so a KPI query reads only its own filter's rows; decisions per hour band instead of per whole hour; keys
-- never null ('-': no department or outcome; -1: no hour band), so batches merge into existing rows. With real,
-- independent values the first shape approached one row per complaint (and one more per catch-up batch).
-- The old rows cannot be converted (they lack the '*' rows): they are dropped and the next catch-up (scheduled a
-- minute after start) takes every closed complaint again. Portable SQL: H2 2.x and PostgreSQL 15+.
drop table kpi_day;
create table kpi_day (
    kind        char(1)     not null,
    day_number  integer     not null,
    department  varchar(40) not null,
    category    varchar(40) not null,
    channel     varchar(20) not null,
    outcome     varchar(40) not null,
    hours       integer     not null,
    complaints  bigint      not null,
    extended    bigint      not null,
    breached    bigint      not null,
    due         bigint      not null,
    in_time     bigint      not null,
    batch       bigint      not null
);
-- a query's rows: one kind, one filter combination, a range of days; with outcome and hours the whole key, so a
-- catch-up's MERGE finds each row it adds to through the index instead of reading the whole table
create index ix_kpi_day on kpi_day (kind, department, category, channel, day_number, outcome, hours);
update complaint set kpi_batch = null where kpi_batch is not null;
update kpi_rollup set last_batch = 0;
