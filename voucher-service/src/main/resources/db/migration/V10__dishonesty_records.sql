-- Dated dishonesty records (失信记录), entered by the programme office from the credit registry (信用中国); a record
-- counts against an application while it lies within the programme's look-back (dishonestyLookbackYears).
create table enterprise_dishonesty_record (
    enterprise_id uuid        not null references enterprise (id),
    reference     text        not null,
    recorded_on   date        not null,
    authority     text        not null,
    entered_by    text        not null,
    entered_at    timestamptz not null,
    primary key (enterprise_id, reference)
);
