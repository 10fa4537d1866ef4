-- Complaint numbers without a hot row: the running number comes from a sequence (nextval takes no lock that lasts
-- beyond the call and is never rolled back), and each day has one row holding the sequence value drawn just before the
-- day's first number: number of the day = value - first_value. The day's row is written once, in a short transaction
-- of its own, before any number of that day is drawn (intake/ComplaintNumbers). A rolled-back filing leaves a gap.
-- Portable SQL: runs on H2 2.x (embedded default) and PostgreSQL 15+ (production).
create sequence complaint_number_seq start with 1 increment by 1;

create table complaint_number_day (
    number_day  date   not null primary key,
    first_value bigint not null
);

-- Numbers already handed out today by the old counter: the sequence's first value (1) continues after them.
insert into complaint_number_day (number_day, first_value)
select counter_day, -last_value from complaint_number_counter where last_value > 0;

drop table complaint_number_counter;
