-- Flagged usage decisions (fraud rules) are listed for administrators to review.
alter table usage_decision add column flagged boolean generated always as (cardinality(flags) > 0) stored;
create index usage_decision_flagged on usage_decision (decided_at desc) where flagged;
create index usage_decision_by_voucher on usage_decision (voucher_id);
-- Reservations of an offering (withdrawal cancels or re-homes them).
create index allocation_by_offering on allocation (offering_id) where status in ('PROPOSED', 'HELD', 'ACTIVE');
