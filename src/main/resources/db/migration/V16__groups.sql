-- groups: customer groups (name unique regardless of case) and their members.
create table groups_group (
    id          uuid primary key,
    name        varchar(70)  not null,
    description varchar(255),
    created_at  timestamptz  not null
);

create unique index groups_group_name_key on groups_group (lower(name));

create table groups_membership (
    group_id    uuid        not null references groups_group (id),
    customer_id uuid        not null references customer (id),
    added_at    timestamptz not null,
    primary key (group_id, customer_id)
);

create index groups_membership_customer on groups_membership (customer_id);
