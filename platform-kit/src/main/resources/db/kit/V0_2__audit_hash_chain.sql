-- Tamper-evident audit (see cn.cvp.kit.audit.AuditChain): every audit row is sealed into a hash chain.
-- chain_seq: the row's position in the chain (1, 2, 3 … without gaps, in the order rows were sealed);
-- prev_hash: the row_hash of position chain_seq - 1 (64 zeros for the first); row_hash: SHA-256 of prev_hash and
-- the row's own content. A row is written unsealed (the hot paths never wait for the chain) and sealed within about a
-- second by the service's sealer; sealing is the only change the trigger lets through, and only once.
alter table audit_log
    add column chain_seq bigint unique,
    add column prev_hash text,
    add column row_hash  text;
create index audit_log_unsealed on audit_log (id) where row_hash is null;

-- The end of the chain: the last position sealed and its hash (one row). Verification checks the chain ends here,
-- so rows cut off the end are found too.
create table audit_chain_head (
    id        int    primary key check (id = 1),
    chain_seq bigint not null,
    row_hash  text   not null
);
insert into audit_chain_head (id, chain_seq, row_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create function audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.row_hash is null and old.chain_seq is null
       and new.row_hash is not null and new.chain_seq is not null and new.prev_hash is not null
       and (new.id, new.actor_subject, new.actor_username, new.actor_organisation, new.action, new.target_type,
            new.target_id, new.before_state, new.after_state, new.occurred_at)
           is not distinct from
           (old.id, old.actor_subject, old.actor_username, old.actor_organisation, old.action, old.target_type,
            old.target_id, old.before_state, old.after_state, old.occurred_at) then
        return new; -- sealing: the three chain columns set once, nothing else touched
    end if;
    raise exception 'audit_log is append-only';
end $$;
drop trigger audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_guard();
create trigger audit_chain_head_no_delete before delete on audit_chain_head
    for each row execute function forbid_change();
