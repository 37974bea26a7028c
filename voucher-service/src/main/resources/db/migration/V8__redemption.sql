-- Redemption (兑付) end to end (issue 12 item 7): batches opened by the settlement job at the end of each period,
-- the invoice (发票) and delivery certificate (交付凭证) as uploaded documents, approval and payment by two different
-- staff members, cancellation of an open batch (its captures become redeemable again).

alter table settlement_batch drop constraint settlement_batch_status_check;
alter table settlement_batch add constraint settlement_batch_status_check
    check (status in ('OPEN', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PAID', 'CANCELLED'));

alter table settlement_batch
    add column opened_by_schedule              boolean not null default false,
    add column co_payment_paid_on              date,
    add column invoice_document_id             uuid,
    add column delivery_certificate_document_id uuid,
    add column approved_by_subject             text,
    add column paid_by                         text,
    add column paid_by_subject                 text,
    add column cancelled_by                    text,
    add column cancelled_at                    timestamptz,
    add column cancel_reason                   text,
    -- the two-person rule, as the database sees it: whoever marks a batch paid did not approve it
    add constraint settlement_batch_payer_is_not_approver
        check (paid_by_subject is null or approved_by_subject is null or paid_by_subject <> approved_by_subject);

-- The settlement job opens one batch per programme, period and submitter, once (running it again opens nothing new).
create unique index settlement_batch_scheduled_once
    on settlement_batch (programme_id, period_start, submitter_credit_code) where opened_by_schedule;
create index settlement_batch_period on settlement_batch (programme_id, period_start, submitter_credit_code);

-- A cancelled batch gives its captures back: its lines stay (history) but are no longer active. A capture is in at
-- most one ACTIVE line, i.e. redeemed at most once across batches.
alter table settlement_line add column active boolean not null default true;
alter table settlement_line drop constraint settlement_line_ledger_entry_id_key;
create unique index settlement_line_redeemed_once on settlement_line (ledger_entry_id) where active;
create index settlement_line_ledger_entry on settlement_line (ledger_entry_id);

-- The documents a submitter uploads for a batch, each version kept (a re-upload while OPEN or RETURNED is a new
-- version; the batch records the versions it was submitted with). The bytes are in a table of their own so that
-- listing documents never reads them.
create table settlement_document (
    id            uuid primary key,
    batch_id      uuid        not null references settlement_batch (id),
    kind          text        not null check (kind in ('INVOICE', 'DELIVERY_CERTIFICATE')),
    version       int         not null check (version >= 1),
    content_type  text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    file_name     text,
    size_bytes    bigint      not null check (size_bytes > 0),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by   text        not null,
    uploaded_org  text,
    uploaded_at   timestamptz not null,
    unique (batch_id, kind, version)
);

create table settlement_document_content (
    document_id uuid primary key references settlement_document (id),
    content     bytea not null
);

alter table settlement_batch
    add constraint settlement_batch_invoice_document
        foreign key (invoice_document_id) references settlement_document (id),
    add constraint settlement_batch_delivery_certificate_document
        foreign key (delivery_certificate_document_id) references settlement_document (id);
