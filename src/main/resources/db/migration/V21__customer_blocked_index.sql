-- customer: blocked accounts are few; a partial index finds them without reading the table.
create index customer_blocked on customer (created_at, id) where blocked_at is not null;
