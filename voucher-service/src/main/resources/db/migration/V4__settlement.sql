-- Settlement (兑付): providers known from provider.events, redemption batches made of ledger captures.

create table provider_directory (
    provider_id uuid primary key,
    credit_code text not null,
    name        text not null
);
create index provider_directory_credit_code on provider_directory (credit_code);

create table settlement_batch (
    id                       uuid primary key,
    programme_id             uuid        not null references programme (id),
    period_start             date        not null,
    period_end               date        not null,
    submitter_type           text        not null check (submitter_type in ('ENTERPRISE', 'PROVIDER')),
    submitter_credit_code    text        not null,
    status                   text        not null check (status in ('OPEN', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PAID')),
    subsidy_fen              bigint      not null check (subsidy_fen >= 0),
    usage_amount_fen         bigint      not null check (usage_amount_fen >= 0),
    line_count               int         not null,
    invoice_number           text,
    delivery_certificate_ref text,
    payment_reference        text,
    return_reason            text,
    created_by               text        not null,
    created_at               timestamptz not null,
    submitted_at             timestamptz,
    approved_by              text,
    approved_at              timestamptz,
    paid_at                  timestamptz,
    row_version              bigint      not null default 0,
    check (period_end >= period_start)
);
create index settlement_batch_programme on settlement_batch (programme_id, status);

-- A capture is redeemed in at most one batch.
create table settlement_line (
    batch_id         uuid   not null references settlement_batch (id),
    ledger_entry_id  bigint not null unique references ledger_entry (id),
    voucher_id       uuid   not null,
    usage_report_id  uuid   not null,
    provider_id      uuid,
    enterprise_credit_code text not null,
    subsidy_fen      bigint not null,
    usage_amount_fen bigint not null,
    captured_at      timestamptz not null,
    primary key (batch_id, ledger_entry_id)
);
