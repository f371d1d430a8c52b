-- credentials: the lockout's counters move to the module that checks every password (login,
-- password change, e-mail change, closure), so that each check reserves its attempt before hashing.
alter table authentication_failure_counter rename to credentials_attempt_counter;
create index credentials_attempt_counter_window on credentials_attempt_counter (window_start);

-- The key that signs device tokens (OWASP's device cookies), one per installation, shared by every
-- node through the database.
create table credentials_device_key (
    id     int   primary key check (id = 1),
    secret bytea not null
);
