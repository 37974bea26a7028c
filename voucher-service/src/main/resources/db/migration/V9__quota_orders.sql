-- Quota first (额度先行, Shanghai; issue 12 item 4): an enterprise applies once a year for its quota (额度) under a
-- QUOTA_FIRST programme, and the approved quota is a voucher of the ledger (quota = true) against which it places
-- orders (订单). An order holds part of the quota (ratio × order amount, capped by what is left) for allocation-service
-- to match; the allocations' holds come out of that part.

alter table application
    add column kind text not null default 'VOUCHER' check (kind in ('VOUCHER', 'QUOTA'));
create index application_quota_of_enterprise on application (enterprise_id, programme_id, submitted_at)
    where kind = 'QUOTA';

-- order_reserved_fen: the part of the balance placed orders hold and their allocations have not taken yet.
alter table voucher
    add column quota              boolean not null default false,
    add column order_reserved_fen bigint  not null default 0,
    add constraint voucher_order_reserved_within_balance
        check (order_reserved_fen >= 0
               and order_reserved_fen <= face_value_fen - held_fen - consumed_fen - returned_fen);

create table quota_order (
    id                     uuid primary key,
    voucher_id             uuid          not null references voucher (id),
    programme_id           uuid          not null references programme (id),
    enterprise_id          uuid          not null references enterprise (id),
    enterprise_credit_code text          not null,
    status                 text          not null check (status in ('PLACED', 'CANCELLED')),
    resource_class         text          not null,
    card_hours             bigint        not null check (card_hours > 0),
    regions                jsonb         not null,
    window_start           timestamptz   not null,
    window_end             timestamptz   not null,
    provider_credit_code   text,
    amount_fen             bigint        not null check (amount_fen > 0),
    subsidy_ratio          numeric(5, 4) not null check (subsidy_ratio > 0 and subsidy_ratio <= 1),
    hold_fen               bigint        not null check (hold_fen > 0),
    returned_fen           bigint        not null default 0 check (returned_fen >= 0 and returned_fen <= hold_fen),
    placed_at              timestamptz   not null,
    cancelled_at           timestamptz,
    row_version            bigint        not null default 0,
    constraint quota_order_window check (window_end > window_start)
);
create index quota_order_voucher on quota_order (voucher_id, placed_at);

-- An allocation of an order holds on the order's quota within the order's hold.
alter table voucher_hold add column order_id uuid references quota_order (id);
create index voucher_hold_order on voucher_hold (order_id) where order_id is not null;
