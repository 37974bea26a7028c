-- The full accreditation lifecycle: self-assessment, verification, public notice (公示) and objections.
alter table provider
    add column self_assessment       jsonb,
    add column self_assessed_at      timestamptz,
    -- the programmes the provider asked for, then the standing an administrator approved at verification;
    -- they become programme_memberships when the provider is listed (ACTIVE)
    add column requested_programmes  jsonb not null default '[]',
    add column approved_programmes   jsonb not null default '[]',
    add column notice_started_at     timestamptz,
    add column notice_ends_at        timestamptz;
create index provider_status on provider (status);

-- An objection to a provider's listing, filed by anyone authenticated during its public notice.
create table provider_objection (
    id                     uuid primary key,
    provider_id            uuid        not null references provider (id),
    filed_by               text        not null,
    filed_by_organisation  text,
    reason                 text        not null,
    notice_started_at      timestamptz not null,
    filed_at               timestamptz not null
);
create index provider_objection_provider on provider_objection (provider_id);

-- Every published version of an offering: a price or capacity change is a new version; allocations keep
-- the version (and price) they were made on.
create table offering_version (
    offering_id     uuid        not null references offering (id),
    version         int         not null check (version >= 1),
    units           int         not null,
    unit_price_fen  bigint      not null,
    available_from  timestamptz not null,
    available_to    timestamptz not null,
    published_at    timestamptz not null,
    published_by    text        not null,
    primary key (offering_id, version)
);

-- Usage lists by provider (newest first) and by status.
create index usage_report_provider_received on usage_report (provider_id, received_at desc, id);
alter table usage_report add column correction_reason text;
