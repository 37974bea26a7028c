-- Issue 12, items 2 and 3.
-- The provider directory learns each provider's standing from provider.events (provider.registered.v1,
-- provider.status-changed.v1): a contract-first application's contract must name an ACTIVE partner of the
-- programme that is not a related party of the enterprise (review.domain.ContractProvider). Rows recorded before
-- this migration get their standing with the provider's next event.
alter table provider_directory
    add column status                text  not null default 'REGISTERED',
    add column programme_memberships jsonb not null default '[]'::jsonb,
    add column related_parties       jsonb not null default '[]'::jsonb;

-- One contract, one subsidy (review.domain.OneContractOneApplication): a contract is identified by its number, the
-- enterprise and the provider that signed it, across every programme; only live applications hold on to it, so a
-- rejected, withdrawn, lapsed or returned one frees it. Concurrent submissions of the same contract: the index lets
-- exactly one through (SubmitApplication maps the violation to 422 CONTRACT_ALREADY_USED).
drop index application_contract_once;
create unique index application_contract_once
    on application (contract_number, enterprise_credit_code, coalesce(provider_credit_code, ''))
    where contract_number is not null and status in ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'ISSUED');
