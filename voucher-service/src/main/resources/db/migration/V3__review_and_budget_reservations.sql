-- Submission reserves the requested subsidy against the programme budget and the enterprise's annual
-- cap; approval turns the reservation into a commitment; every exit that does not issue releases it.
alter table programme add column budget_reserved_fen bigint not null default 0;
alter table programme drop constraint programme_budget_committed;
alter table programme add constraint programme_budget_committed
    check (budget_committed_fen >= 0 and budget_reserved_fen >= 0
           and budget_committed_fen + budget_reserved_fen <= budget_total_fen);

alter table enterprise_annual_commitment add column reserved_fen bigint not null default 0 check (reserved_fen >= 0);

alter table application add column reserved_fen bigint not null default 0 check (reserved_fen >= 0);
alter table application add column reviewed_at timestamptz;
alter table application add column first_approved_by text;
alter table application add column first_approved_at timestamptz;
alter table application add column voucher_id uuid;
alter table application add column applicant_subject text;
