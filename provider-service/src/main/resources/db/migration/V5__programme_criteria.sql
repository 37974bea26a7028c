-- Per-programme accreditation criteria (issue 12 item 8): how long the public notice (公示) runs, how many years a
-- provider must have operated, and whether it must be privately invested (民间投资). A programme without a row uses
-- the defaults (cvp.provider.public-notice-days, 2 years, no private-investment requirement).
create table programme_criteria (
    programme_code              text primary key,
    public_notice_days          int         not null check (public_notice_days between 1 and 60),
    min_years_operating         int         not null check (min_years_operating between 0 and 50),
    privately_invested_required boolean     not null,
    updated_at                  timestamptz not null,
    updated_by                  text        not null
);

insert into programme_criteria values
    ('BJ-AICV', 7, 2, false, now(), 'seed'),
    ('SH-ICV', 7, 2, true, now(), 'seed');
