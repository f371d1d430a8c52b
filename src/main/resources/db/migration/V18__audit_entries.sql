-- audit: the append-only trail of staff actions on customers and customers' security events.
-- Rows are never changed or removed: a trigger refuses it. No passwords or tokens are written.
create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    type           varchar(40)  not null,
    actor          varchar(150) not null,
    customer_id    uuid,
    client_address varchar(64),
    detail         varchar(500)
);

create index audit_entry_customer on audit_entry (customer_id, occurred_at desc);
create index audit_entry_time on audit_entry (occurred_at desc);
create index audit_entry_type on audit_entry (type, occurred_at desc);
create index audit_entry_actor on audit_entry (lower(actor), occurred_at desc);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- authentication: which customer a locked account key belongs to, so staff can list locked accounts.
alter table authentication_failure_counter add column customer_id uuid;
