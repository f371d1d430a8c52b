-- credentials: e-mailed tokens (registration confirmation, password reset), stored only as SHA-256.
create table credentials_token (
    id          uuid primary key,
    customer_id uuid        not null references customer (id),
    purpose     varchar(32) not null,
    token_hash  char(64)    not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create index credentials_token_customer on credentials_token (customer_id, purpose);

-- credentials: fixed-window request counters shared by all nodes (forgotten-password limits).
create table credentials_request_counter (
    counter_key  varchar(100) not null,
    window_start timestamptz  not null,
    requests     int          not null,
    primary key (counter_key)
);

-- credentials: earlier password hashes, for the optional no-reuse rule.
create table credentials_password_history (
    owner_id   uuid         not null,
    hash       varchar(512) not null,
    changed_at timestamptz  not null
);

create index credentials_password_history_owner on credentials_password_history (owner_id, changed_at desc);
