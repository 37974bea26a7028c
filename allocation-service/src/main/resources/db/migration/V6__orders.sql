-- Quota first (额度先行, issue 12 item 4): a quota (voucher.issued.v1 with quota = true) is recorded but never
-- matched itself; the orders placed on it (order.placed.v1) are, each like a voucher of its own demand. An order's
-- allocations belong to the quota's voucher (holds, usage and status work unchanged) and name the order.

alter table voucher add column quota boolean not null default false;

create table quota_order (
    order_id             uuid          primary key,
    voucher_id           uuid          not null references voucher (voucher_id),
    status               text          not null check (status in ('PLACED', 'CANCELLED')),
    resource_class       text          not null,
    card_hours           bigint        not null check (card_hours > 0),
    regions              text[]        not null,
    window_start         timestamptz   not null,
    window_end           timestamptz   not null,
    provider_credit_code text,
    amount_fen           bigint        not null check (amount_fen > 0),
    subsidy_ratio        numeric(5, 4) not null check (subsidy_ratio > 0 and subsidy_ratio <= 1),
    hold_fen             bigint        not null check (hold_fen > 0),
    placed_at            timestamptz   not null,
    recorded_at          timestamptz   not null,
    constraint quota_order_window check (window_end > window_start)
);
create index quota_order_voucher on quota_order (voucher_id);

alter table allocation add column order_id uuid references quota_order (order_id);
create index allocation_order on allocation (order_id) where order_id is not null;

-- one waitlist entry per demand: per voucher, and per order of a quota
drop index allocation_one_waitlist_entry_per_voucher;
create unique index allocation_one_waitlist_entry_per_demand
    on allocation (voucher_id, coalesce(order_id, '00000000-0000-0000-0000-000000000000'::uuid))
    where status = 'WAITLISTED';
