-- Every unit the programme rules name (issue 12 item 5): card-hours (卡时), core-hours (核时), TB-months.
-- The allocation's unit, from allocation.created.v1 unit; card_hours keeps its name but holds the quantity in it.
alter table provider_allocation add column unit text;
update provider_allocation set unit = 'CARD_HOUR' where card_hours is not null;
