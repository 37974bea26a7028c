-- Every unit the programme rules name (issue 12 item 5): card-hours (卡时), core-hours (核时), TB-months.
-- An application's demand is a quantity (card_hours keeps its first name) in its resource class's one unit.
alter table application add column unit text
    check (unit in ('CARD_HOUR', 'CORE_HOUR', 'TB_MONTH'));
update application
   set unit = case when resource_class = 'STORAGE_TB_MONTH' then 'TB_MONTH'
                   when resource_class = 'CPU_X86_CORE' then 'CORE_HOUR'
                   else 'CARD_HOUR' end
 where resource_class is not null;
