-- authentication: HTTP sessions shared by every node (Spring Session JDBC's schema, renamed).
-- principal_name holds a customer or staff id, never an e-mail address.
create table authentication_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint authentication_session_pk primary key (primary_id)
);

create unique index authentication_session_ix1 on authentication_session (session_id);
create index authentication_session_ix2 on authentication_session (expiry_time);
create index authentication_session_ix3 on authentication_session (principal_name);

create table authentication_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint authentication_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint authentication_session_attributes_fk foreign key (session_primary_id)
        references authentication_session (primary_id) on delete cascade
);
