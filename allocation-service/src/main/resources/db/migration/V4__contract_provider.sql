-- Issue 12, item 2: a contract-first voucher (Beijing) is bound to the provider its contract was signed with
-- (voucher.issued.v1 contractProviderCreditCode); the matcher considers only that provider's offerings for it.
-- Null for quota-first vouchers and for vouchers recorded before this migration.
alter table voucher add column contract_provider_credit_code text;
