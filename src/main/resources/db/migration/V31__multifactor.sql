-- multifactor: second factors of customers and staff (e-mail codes, authenticator apps),
-- recovery codes, the wrong-code counter of each owner's flow and the grace periods.

-- One row per owner and method: status 1 = activation in progress, 2 = enabled (Spryker's
-- numbers; 0, disabled, is the absence of a row).
create table multifactor_method (
    owner_kind varchar(8)  not null check (owner_kind in ('CUSTOMER', 'STAFF')),
    owner_id   uuid        not null,
    type       varchar(16) not null check (type in ('email', 'totp')),
    status     smallint    not null check (status in (1, 2)),
    secret     bytea,
    last_step  bigint,
    created_at timestamptz not null,
    enabled_at timestamptz,
    primary key (owner_kind, owner_id, type)
);

-- E-mail codes sent and not yet used, as hashes; a reset of the flow deletes them all.
create table multifactor_code (
    owner_kind varchar(8)  not null,
    owner_id   uuid        not null,
    code_hash  varchar(64) not null,
    sent_at    timestamptz not null,
    expires_at timestamptz not null,
    primary key (owner_kind, owner_id, code_hash)
);

create index multifactor_code_expiry on multifactor_code (expires_at);

-- The owner's verification flow: wrong codes since the last success or reset, resets since
-- the last success, a lock after too many resets, and when the last code was mailed. Its row is locked by every check,
-- so parallel guesses on any node are counted one after the other.
create table multifactor_flow (
    owner_kind   varchar(8)  not null,
    owner_id     uuid        not null,
    wrong_codes  integer     not null default 0,
    resets       integer     not null default 0,
    locked_until timestamptz,
    last_code_at timestamptz,
    updated_at   timestamptz not null,
    primary key (owner_kind, owner_id)
);

create table multifactor_recovery_code (
    owner_kind varchar(8)  not null,
    owner_id   uuid        not null,
    code_hash  varchar(64) not null,
    created_at timestamptz not null,
    used_at    timestamptz,
    primary key (owner_kind, owner_id, code_hash)
);

-- A correct code opens a grace period for one session or one API token family (a hash of
-- its key), never for the account as a whole.
create table multifactor_grace (
    owner_kind   varchar(8)  not null,
    owner_id     uuid        not null,
    context_hash varchar(64) not null,
    until        timestamptz not null,
    primary key (owner_kind, owner_id, context_hash)
);

create index multifactor_grace_expiry on multifactor_grace (until);
