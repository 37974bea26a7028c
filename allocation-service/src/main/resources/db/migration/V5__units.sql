-- Every unit the programme rules name (issue 12 item 5): card-hours (卡时), core-hours (核时) and TB-months.
-- Capacity, reservations, demand and usage are counted in the offering's / demand's unit; the columns keep their
-- first names (capacity_unit_hours, reserved_unit_hours, demand_card_hours, card_hours) but hold that quantity.

-- the demand's unit, from voucher.issued.v1 demand.unit (CARD_HOUR for vouchers recorded before units)
alter table voucher add column demand_unit text not null default 'CARD_HOUR'
    check (demand_unit in ('CARD_HOUR', 'CORE_HOUR', 'TB_MONTH'));

-- the allocation's unit: what card_hours (the quantity), unit_price_fen and accepted_units are counted in
alter table allocation add column unit text not null default 'CARD_HOUR'
    check (unit in ('CARD_HOUR', 'CORE_HOUR', 'TB_MONTH'));

-- storage offerings were counted in TB-hours and never matched (nothing reserved): count them in TB-months,
-- TB × whole 30-day months of the availability window
update offering
   set capacity_unit_hours = greatest(reserved_unit_hours,
           units::bigint * floor(extract(epoch from (available_to - available_from)) / 2592000)::bigint)
 where unit = 'TB_MONTH';
