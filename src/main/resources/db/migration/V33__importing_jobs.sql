-- importing: the back office's import jobs, shared by every node (issue 15). A job, the
-- uploaded file (in chunks of 1 MiB), the batches an import committed (so that a resumed
-- run writes each row once) and the failed rows of its dry run and of its import.
create table importing_job (
    id                  uuid primary key,
    kind                varchar(20)  not null,
    plaintext_passwords boolean      not null,
    owner_id            uuid         not null,
    uploaded_by         varchar(320) not null,
    file_name           varchar(200) not null,
    file_size           bigint       not null default 0,
    file_complete       boolean      not null default false,
    status              varchar(20)  not null,
    interrupted_stage   varchar(20),
    refusal             text,
    rows_done           bigint       not null default 0,
    bytes_done          bigint       not null default 0,
    check_report        jsonb,
    import_report       jsonb,
    attempts            int          not null default 1,
    claim_token         uuid,
    heartbeat_at        timestamptz,
    created_at          timestamptz  not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    last_seen_at        timestamptz  not null
);

-- one job at a time in the whole installation: a second running job cannot be inserted
-- or started, whichever node tries
create unique index importing_job_one_running on importing_job ((true))
    where status in ('CHECKING', 'IMPORTING');

create index importing_job_last_seen on importing_job (last_seen_at);

create table importing_job_file (
    job_id uuid  not null references importing_job (id) on delete cascade,
    chunk  int   not null,
    bytes  bytea not null,
    primary key (job_id, chunk)
);

create table importing_job_batch (
    job_id     uuid   not null references importing_job (id) on delete cascade,
    batch      int    not null,
    first_line bigint not null,
    last_line  bigint not null,
    created    bigint not null,
    updated    bigint not null,
    unchanged  bigint not null,
    rejected   jsonb  not null,
    primary key (job_id, batch)
);

create table importing_job_error (
    job_id      uuid        not null references importing_job (id) on delete cascade,
    dry_run     boolean     not null,
    line        bigint      not null,
    column_name varchar(40) not null,
    reason      text        not null,
    primary key (job_id, dry_run, line, column_name)
);
