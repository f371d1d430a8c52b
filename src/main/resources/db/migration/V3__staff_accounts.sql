-- staff: back-office accounts, separate from customers.
create table staff_account (
    id           uuid primary key,
    email        varchar(100) not null,
    display_name varchar(100) not null,
    role         varchar(16)  not null check (role in ('ADMIN', 'SUPPORT')),
    created_at   timestamptz  not null,
    version      bigint       not null
);

create unique index staff_account_email_key on staff_account (lower(email));
