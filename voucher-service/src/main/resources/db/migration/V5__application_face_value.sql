-- Capping: submission reserves the face value the enterprise will get, min(ratio × amount, annual cap left, budget
-- left), and the application records it with what capped it (NONE, ANNUAL_CAP, BUDGET); approval may only lower it.
alter table application add column face_value_fen bigint check (face_value_fen >= 0);
alter table application add column capped_by text check (capped_by in ('NONE', 'ANNUAL_CAP', 'BUDGET'));

-- Applications from before: those waiting for a decision reserved their requested subsidy, uncapped; issued ones
-- have their voucher's face value (what capped it at approval was not recorded).
update application set face_value_fen = reserved_fen, capped_by = 'NONE'
where reserved_fen > 0 and status in ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED');
update application a set face_value_fen = v.face_value_fen,
                         capped_by = case when v.face_value_fen = a.requested_subsidy_fen then 'NONE' end
from voucher v where v.application_id = a.id;
