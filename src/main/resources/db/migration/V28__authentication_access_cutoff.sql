-- authentication: per customer, the instant before which no access token counts any more
-- (set by a password change or reset, a block, "sign out everywhere" and account deletion).
-- Read by primary key on every authenticated API request, by every node.
create table authentication_access_cutoff (
    customer_id uuid        primary key references customer (id),
    not_before  timestamptz not null
);
