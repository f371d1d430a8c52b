-- api: opaque refresh tokens, stored as SHA-256. A family is one login's chain of rotations.
create table api_refresh_token (
    id          uuid primary key,
    family_id   uuid        not null,
    customer_id uuid        not null references customer (id),
    token_hash  char(64)    not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);

create index api_refresh_token_family on api_refresh_token (family_id);
create index api_refresh_token_customer on api_refresh_token (customer_id);
