-- authentication: failed logins per account (keyed by a hash of the lower-case address, whether or
-- not it has an account) and per client address, shared by all nodes.
create table authentication_failure_counter (
    counter_key   varchar(100) primary key,
    failures      int          not null,
    window_start  timestamptz  not null,
    blocked_until timestamptz,
    blocks        int          not null default 0
);
