-- api: the keys that sign access tokens, shared by every node (issue 15). Private keys are
-- sealed with clientele.encryption-key (AES-256-GCM, "v1:" + base64). One key signs; the
-- others (an imported data-directory key of another node, a previous key) only verify.
create table api_signing_key (
    kid                   varchar(64) primary key,
    private_key_encrypted text        not null,
    signing               boolean     not null,
    created_at            timestamptz not null
);

-- Two nodes starting together on an empty table: the second insert of a signing key does
-- nothing, and both read back the first.
create unique index api_signing_key_one_signing on api_signing_key (signing) where signing;

-- multifactor: authenticator secrets sealed with clientele.encryption-key. Rows written before
-- keep the plaintext in secret until the next start seals it and empties that column.
alter table multifactor_method add column secret_encrypted text;
