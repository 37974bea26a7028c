-- An order is a quantity in its resource class's unit, like a voucher's demand (V5): card-hours, core-hours or
-- TB-months. Orders recorded before units were card-hour orders; card_hours holds the quantity in the unit.
alter table quota_order add column unit text not null default 'CARD_HOUR'
    check (unit in ('CARD_HOUR', 'CORE_HOUR', 'TB_MONTH'));
