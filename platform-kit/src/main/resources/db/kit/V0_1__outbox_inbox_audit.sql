-- Tables every service needs for reliable messaging and auditing (see docs/events.md).

-- Transactional outbox: written with the state change, relayed to Kafka, stamped when acknowledged.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    subject      text        not null,
    occurred_at  timestamptz not null,
    payload      text        not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Processed-event log of idempotent consumers: an event id is processed once per consumer.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

-- Audit trail: who changed what, when, before and after. Never updated or deleted.
create table audit_log (
    id                 bigint generated always as identity primary key,
    actor_subject      text        not null,
    actor_username     text,
    actor_organisation text,
    action             text        not null,
    target_type        text        not null,
    target_id          text        not null,
    before_state       jsonb,
    after_state        jsonb,
    occurred_at        timestamptz not null
);
create index audit_log_target on audit_log (target_type, target_id);

create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function forbid_change();
