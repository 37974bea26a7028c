-- provider-service owns providers and their accreditation, capacity offerings, the provider's view of
-- its allocations (a read model of allocation.events) and usage intake. Money is integer fen.

-- A compute provider (算力服务机构 / 算力伙伴), identified by its 统一社会信用代码.
create table provider (
    id                    uuid primary key,
    credit_code           text        not null unique check (length(credit_code) = 18),
    name                  text        not null,
    region                text        not null check (region ~ '^[0-9]{6}$'),
    years_operating       int         not null check (years_operating >= 0),
    site                  text        not null,
    privately_invested    boolean     not null,
    related_parties       jsonb       not null default '[]',
    programme_memberships jsonb       not null default '[]',
    status                text        not null check (status in ('REGISTERED', 'SELF_ASSESSED', 'VERIFYING',
                                          'PUBLIC_NOTICE', 'ACTIVE', 'SUSPENDED', 'REMOVED', 'EXITED')),
    status_reason         text,
    registered_at         timestamptz not null,
    status_changed_at     timestamptz not null,
    row_version           bigint      not null default 0
);

-- A capacity offering. `version` is the published version allocations refer to (from 1); a revision of
-- a published offering will publish version + 1.
create table offering (
    id              uuid primary key,
    provider_id     uuid        not null references provider (id),
    version         int         not null check (version >= 1),
    resource_class  text        not null,
    region          text        not null check (region ~ '^[0-9]{6}$'),
    units           int         not null check (units > 0 and units <= 100000),
    unit_price_fen  bigint      not null check (unit_price_fen > 0 and unit_price_fen <= 10000000),
    available_from  timestamptz not null,
    available_to    timestamptz not null,
    status          text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    created_at      timestamptz not null,
    published_at    timestamptz,
    withdrawn_at    timestamptz,
    row_version     bigint      not null default 0,
    constraint offering_window check (available_to > available_from)
);
create index offering_provider on offering (provider_id);

-- The provider's view of allocation-service's allocations, kept from allocation.events. Keyed by the
-- allocation id and stored even for providers this service does not know (yet).
create table provider_allocation (
    allocation_id          uuid primary key,
    voucher_id             uuid,
    offering_id            uuid,
    offering_version       int,
    provider_id            uuid,
    enterprise_credit_code text,
    resource_class         text,
    region                 text,
    units                  int,
    card_hours             bigint,
    unit_price_fen         bigint,
    amount_fen             bigint,
    window_start           timestamptz,
    window_end             timestamptz,
    status                 text        not null check (status in ('PROPOSED', 'HELD', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    hold_fen               bigint,
    cancel_reason          text,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    row_version            bigint      not null default 0
);
create index provider_allocation_provider on provider_allocation (provider_id);

-- Usage reported by a provider against an allocation. A record is identified by the provider's own
-- record id; corrections will be new versions (correcting the previous report), never overwrites.
-- The unique key is what makes intake idempotent even under concurrent replays.
create table usage_report (
    id                        uuid primary key,
    provider_id               uuid          not null references provider (id),
    record_id                 text          not null,
    version                   int           not null default 1 check (version >= 1),
    corrects_usage_report_id  uuid references usage_report (id),
    allocation_id             uuid          not null,
    period_start              timestamptz   not null,
    period_end                timestamptz   not null,
    units                     numeric(15, 3) not null check (units > 0),
    unit_price_fen            bigint        not null check (unit_price_fen > 0),
    amount_fen                bigint        not null check (amount_fen > 0),
    delivery_certificate_ref  text          not null,
    content_hash              text          not null,
    status                    text          not null check (status in ('RECEIVED', 'ACCEPTED', 'REJECTED')),
    rejection_reason          text,
    rejection_detail          text,
    accepted_units            numeric(15, 3),
    accepted_amount_fen       bigint,
    subsidy_fen               bigint,
    flags                     jsonb,
    batch_id                  uuid          not null,
    submitted_by              text          not null,
    received_at               timestamptz   not null,
    decided_at                timestamptz,
    row_version               bigint        not null default 0,
    constraint usage_report_record unique (provider_id, record_id, version),
    constraint usage_report_period check (period_end > period_start),
    constraint usage_report_rejection check (status <> 'REJECTED' or rejection_reason is not null)
);
create index usage_report_allocation on usage_report (allocation_id);
