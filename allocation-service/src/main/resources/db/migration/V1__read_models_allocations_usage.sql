-- allocation-service: read models of other services' events, allocations and usage decisions.

-- A provider's standing, from provider.registered.v1 / provider.status-changed.v1.
create table provider_standing (
    provider_id           uuid        primary key,
    credit_code           text        not null,
    name                  text,
    region                text,
    privately_invested    boolean     not null default false,
    related_parties       text[]      not null default '{}',
    programme_memberships text[]      not null default '{}',
    status                text        not null,
    updated_at            timestamptz not null
);

-- The latest version of an offering, from offering.published.v1 / offering.withdrawn.v1.
-- Capacity and reservations are counted in unit-hours (units × hours of the availability window).
create table offering (
    offering_id         uuid        primary key,
    version             int         not null check (version >= 1),
    provider_id         uuid        not null,
    resource_class      text        not null,
    category            text        not null,
    domestic_chip       boolean     not null,
    region              text        not null,
    units               int         not null check (units >= 0),
    unit                text        not null,
    unit_price_fen      bigint      not null check (unit_price_fen >= 0),
    available_from      timestamptz not null,
    available_to        timestamptz not null,
    status              text        not null check (status in ('PUBLISHED', 'WITHDRAWN')),
    capacity_unit_hours bigint      not null check (capacity_unit_hours >= 0),
    reserved_unit_hours bigint      not null default 0 check (reserved_unit_hours >= 0),
    updated_at          timestamptz not null,
    -- capacity is never reserved twice: the database refuses it even if the code got it wrong
    constraint offering_reserved_within_capacity check (reserved_unit_hours <= capacity_unit_hours)
);
create index offering_matchable on offering (resource_class, status);

-- A voucher as allocation-service needs it, from voucher.issued.v1 (and the holds placed on it).
create table voucher (
    voucher_id                  uuid          primary key,
    application_id              uuid,
    programme_id                uuid,
    programme_code              text          not null,
    enterprise_credit_code      text          not null,
    enterprise_related_parties  text[]        not null default '{}',
    face_value_fen              bigint        not null check (face_value_fen >= 0),
    subsidy_ratio               numeric(5, 4) not null check (subsidy_ratio >= 0 and subsidy_ratio <= 1),
    domestic_chip_subsidy_ratio numeric(5, 4) check (domestic_chip_subsidy_ratio >= 0 and domestic_chip_subsidy_ratio <= 1),
    provider_requirements       text[]        not null default '{}',
    approved_at                 timestamptz   not null,
    valid_until                 timestamptz,
    demand_resource_class       text          not null,
    demand_card_hours           bigint        not null check (demand_card_hours > 0),
    demand_regions              text[]        not null default '{}',
    demand_window_start         timestamptz   not null,
    demand_window_end           timestamptz   not null,
    held_fen                    bigint        not null default 0 check (held_fen >= 0),
    status                      text          not null,
    recorded_at                 timestamptz   not null
);

-- An allocation: a reservation of part of an offering for part of a voucher's demand, or (WAITLISTED)
-- the part of a demand nothing could serve yet.
create table allocation (
    allocation_id          uuid          primary key,
    voucher_id             uuid          not null references voucher (voucher_id),
    voucher_approved_at    timestamptz   not null,
    offering_id            uuid          references offering (offering_id),
    offering_version       int,
    provider_id            uuid,
    enterprise_credit_code text          not null,
    resource_class         text          not null,
    region                 text,
    domestic_chip          boolean,
    units                  int           not null check (units >= 0),
    card_hours             bigint        not null check (card_hours > 0),
    unit_price_fen         bigint        check (unit_price_fen >= 0),
    amount_fen             bigint        check (amount_fen >= 0),
    subsidy_ratio          numeric(5, 4),
    window_start           timestamptz,
    window_end             timestamptz,
    status                 text          not null check (status in
                               ('PROPOSED', 'HELD', 'ACTIVE', 'COMPLETED', 'CANCELLED', 'WAITLISTED')),
    hold_fen               bigint        check (hold_fen >= 0),
    accepted_units         numeric(14, 3) not null default 0 check (accepted_units >= 0),
    accepted_amount_fen    bigint        not null default 0 check (accepted_amount_fen >= 0),
    accepted_subsidy_fen   bigint        not null default 0 check (accepted_subsidy_fen >= 0),
    status_reason          text,
    explanation            jsonb         not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    version                bigint        not null default 0,
    -- everything but a waitlist entry (open, or closed as CANCELLED) reserves a concrete offering
    constraint allocation_reserves_offering check (
        status in ('WAITLISTED', 'CANCELLED') or (offering_id is not null and provider_id is not null and unit_price_fen is not null
                                  and amount_fen is not null and window_start is not null and window_end is not null)),
    constraint allocation_accepted_within_reservation check (accepted_units <= card_hours),
    constraint allocation_subsidy_within_hold check (accepted_subsidy_fen <= coalesce(hold_fen, 0))
);
create index allocation_by_voucher on allocation (voucher_id);
create index allocation_by_provider on allocation (provider_id);
create index allocation_waitlist on allocation (resource_class, voucher_approved_at) where status = 'WAITLISTED';

-- The decision on one usage report (usage.reported.v1). One decision per report, ever.
create table usage_decision (
    usage_report_id          uuid          primary key,
    report_version           int,
    corrects_usage_report_id uuid,
    allocation_id            uuid          not null,
    provider_id              uuid          not null,
    voucher_id               uuid,
    record_id                text,
    period_start             timestamptz   not null,
    period_end               timestamptz   not null,
    units                    numeric(14, 3) not null,
    unit_price_fen           bigint        not null,
    amount_fen               bigint        not null,
    delivery_certificate_ref text,
    decision                 text          not null check (decision in ('ACCEPTED', 'REJECTED')),
    reason                   text,
    detail                   text,
    subsidy_fen              bigint        check (subsidy_fen >= 0),
    flags                    text[]        not null default '{}',
    decided_at               timestamptz   not null,
    constraint usage_decision_reason check ((decision = 'ACCEPTED') = (reason is null))
);
create index usage_decision_by_allocation on usage_decision (allocation_id);
-- a voucher waits with at most one entry: the rest of its demand
create unique index allocation_one_waitlist_entry_per_voucher on allocation (voucher_id) where status = 'WAITLISTED';
