-- credentials: the current password hash (PHC string) of a customer or a staff member.
-- owner_id is a customer id or a staff id; no foreign key, as the owner may live in either module.
create table credentials_password (
    owner_id   uuid primary key,
    hash       varchar(512) not null,
    changed_at timestamptz  not null
);
