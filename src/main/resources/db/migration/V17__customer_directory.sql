-- customer: the back office finds customers among millions. One trigram index (pg_trgm, a trusted
-- extension since PostgreSQL 13) covers everything staff search for; each sortable column has an
-- index; registered_at says whether the account has a login (kept by credentials through the facade).
create extension if not exists pg_trgm;

alter table customer add column registered_at timestamptz;

update customer c
set registered_at = p.changed_at
from credentials_password p
where p.owner_id = c.id;

create index customer_search on customer using gin (
    (lower(customer_reference || ' ' || email || ' ' || first_name || ' ' || last_name || ' '
        || coalesce(company, ''))) gin_trgm_ops);

create index customer_created on customer (created_at, id);
create index customer_sort_email on customer (lower(email), id);
create index customer_sort_first_name on customer (lower(first_name), id);
create index customer_sort_last_name on customer (lower(last_name), id);
create index customer_sort_company on customer (lower(coalesce(company, '')), id);
create index customer_sort_registered on customer ((registered_at is not null), created_at, id);
create index customer_sort_status on customer (
    (case when blocked_at is not null then 0 when confirmed_at is null then 1 else 2 end), created_at, id);
