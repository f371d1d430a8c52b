-- passkeys: customers' WebAuthn credentials (discoverable, user-verifying), the user handle
-- each customer's passkeys share, and the challenges of ceremonies in progress.

-- The opaque WebAuthn user handle of a customer (random, never the customer id): a passkey
-- names it when it signs in, and every passkey of the customer carries the same one.
create table passkeys_account (
    customer_id uuid        primary key references customer (id),
    user_handle bytea       not null unique
);

-- One row per passkey. attested_credential_data is the library's encoding of the AAGUID,
-- the credential id and the COSE public key, as the authenticator sent them at registration.
create table passkeys_credential (
    id                       uuid         primary key,
    customer_id              uuid         not null references customer (id),
    credential_id            bytea        not null unique,
    attested_credential_data bytea        not null,
    sign_count               bigint       not null,
    uv_initialized           boolean      not null,
    backup_eligible          boolean      not null,
    backed_up                boolean      not null,
    transports               varchar(200),
    name                     varchar(60)  not null,
    created_at               timestamptz  not null,
    last_used_at             timestamptz
);

create index passkeys_credential_customer on passkeys_credential (customer_id);

-- A challenge handed out and not yet answered, as a hash. The browser's session holds the
-- challenge itself; answering deletes the row, so a challenge counts once on any node.
create table passkeys_challenge (
    challenge_hash varchar(64) primary key,
    expires_at     timestamptz not null
);

create index passkeys_challenge_expiry on passkeys_challenge (expires_at);
