-- Every usage report is updated once after it is stored (allocation-service's decision: status, accepted amounts,
-- flags, decided_at; none of them indexed). With room left on each page the update is a heap-only tuple (HOT):
-- no new entry in any of the table's four indexes. Applies to pages written from now on.
alter table usage_report set (fillfactor = 80);
