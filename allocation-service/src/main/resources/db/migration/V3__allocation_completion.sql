-- The completion job looks for reservations whose window is over (see CompletionService).
create index allocation_live_window_end on allocation (window_end) where status in ('HELD', 'ACTIVE');
