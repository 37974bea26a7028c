-- voucher-service owns programmes, enterprises, applications, vouchers and their ledger.
-- Money is integer fen. Balances are guarded by CHECK constraints so that no code path can
-- push a voucher below zero or a programme past its budget.

create table programme (
    id                    uuid primary key,
    code                  text   not null unique,
    name                  text   not null,
    status                text   not null check (status in ('DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED')),
    current_rules_version int    not null,
    budget_total_fen      bigint not null check (budget_total_fen >= 0),
    budget_committed_fen  bigint not null default 0,
    budget_consumed_fen   bigint not null default 0,
    row_version           bigint not null default 0,
    constraint programme_budget_committed check (budget_committed_fen >= 0 and budget_committed_fen <= budget_total_fen),
    constraint programme_budget_consumed check (budget_consumed_fen >= 0 and budget_consumed_fen <= budget_committed_fen)
);

-- Versioned rule sets: an application is judged by the version it was filed under.
create table programme_rules (
    programme_id uuid        not null references programme (id),
    version      int         not null,
    rules        jsonb       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (programme_id, version)
);

create table enterprise (
    id              uuid primary key,
    credit_code     text        not null unique,
    name            text        not null,
    region          text        not null,
    industry        text        not null,
    size            text        not null,
    startup         boolean     not null,
    team            boolean     not null,
    ownership       text        not null,
    dishonest       boolean     not null,
    related_parties jsonb       not null,
    registered_at   timestamptz not null,
    row_version     bigint      not null default 0
);

create table application (
    id                    uuid primary key,
    programme_id          uuid        not null references programme (id),
    rules_version         int         not null,
    enterprise_id         uuid        not null references enterprise (id),
    enterprise_credit_code text       not null,
    status                text        not null,
    resource_class        text        not null,
    card_hours            bigint      not null check (card_hours > 0),
    regions               jsonb       not null,
    window_start          timestamptz not null,
    window_end            timestamptz not null,
    purpose               text        not null,
    contract_number       text,
    contract_signed_on    date,
    contract_months       int,
    contract_amount_fen   bigint      not null check (contract_amount_fen > 0),
    provider_credit_code  text,
    other_subsidy_declared boolean    not null default false,
    requested_subsidy_fen bigint      not null check (requested_subsidy_fen >= 0),
    created_at            timestamptz not null,
    submitted_at          timestamptz,
    decided_at            timestamptz,
    decision_reason       text,
    reviewed_by           text,
    approved_by           text,
    row_version           bigint      not null default 0
);
create index application_enterprise on application (enterprise_id);
create index application_programme_status on application (programme_id, status);
-- one contract, one application (per programme), unless the application ended without a voucher
create unique index application_contract_once on application (programme_id, contract_number)
    where contract_number is not null and status not in ('DRAFT', 'REJECTED', 'WITHDRAWN', 'LAPSED', 'RETURNED');

-- What an enterprise has committed under a programme in a calendar year (the annual cap's counter).
create table enterprise_annual_commitment (
    enterprise_id uuid   not null references enterprise (id),
    programme_id  uuid   not null references programme (id),
    year          int    not null,
    committed_fen bigint not null check (committed_fen >= 0),
    primary key (enterprise_id, programme_id, year)
);

create table voucher (
    id                     uuid primary key,
    application_id         uuid        not null unique references application (id),
    programme_id           uuid        not null references programme (id),
    enterprise_id          uuid        not null references enterprise (id),
    enterprise_credit_code text        not null,
    status                 text        not null check (status in ('ACTIVE', 'FROZEN', 'EXHAUSTED', 'EXPIRED', 'REVOKED')),
    subsidy_ratio          numeric(5, 4) not null check (subsidy_ratio > 0 and subsidy_ratio <= 1),
    face_value_fen         bigint      not null check (face_value_fen > 0),
    held_fen               bigint      not null default 0,
    consumed_fen           bigint      not null default 0,
    returned_fen           bigint      not null default 0,
    issued_at              timestamptz not null,
    valid_until            timestamptz not null,
    row_version            bigint      not null default 0,
    constraint voucher_balance_never_negative
        check (held_fen >= 0 and consumed_fen >= 0 and returned_fen >= 0
               and face_value_fen - held_fen - consumed_fen - returned_fen >= 0)
);
create index voucher_enterprise on voucher (enterprise_id);

-- A hold reserves part of a voucher for one allocation (like a card authorisation).
create table voucher_hold (
    id            uuid primary key,
    voucher_id    uuid        not null references voucher (id),
    allocation_id uuid        not null unique,
    amount_fen    bigint      not null check (amount_fen > 0),
    captured_fen  bigint      not null default 0,
    released_fen  bigint      not null default 0,
    status        text        not null check (status in ('HELD', 'RELEASED', 'CAPTURED')),
    created_at    timestamptz not null,
    constraint hold_within_amount check (captured_fen >= 0 and released_fen >= 0 and captured_fen + released_fen <= amount_fen)
);

-- Append-only ledger: every movement of a voucher's money, with the balance after it.
create table ledger_entry (
    id                bigint generated always as identity primary key,
    voucher_id        uuid        not null references voucher (id),
    entry_type        text        not null check (entry_type in ('ISSUE', 'HOLD', 'CAPTURE', 'RELEASE', 'EXPIRY', 'REVOCATION')),
    amount_fen        bigint      not null check (amount_fen >= 0),
    allocation_id     uuid,
    usage_report_id   uuid,
    usage_amount_fen  bigint,
    provider_id       uuid,
    balance_after_fen bigint      not null check (balance_after_fen >= 0),
    held_after_fen    bigint      not null check (held_after_fen >= 0),
    consumed_after_fen bigint     not null check (consumed_after_fen >= 0),
    occurred_at       timestamptz not null
);
create index ledger_entry_voucher on ledger_entry (voucher_id, id);
-- a usage report is captured at most once, whatever the number of deliveries
create unique index ledger_capture_once on ledger_entry (usage_report_id) where entry_type = 'CAPTURE';

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function forbid_change();
