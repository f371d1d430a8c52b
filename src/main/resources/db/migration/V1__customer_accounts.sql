-- customer: accounts. Customers are anonymised, never deleted.
create sequence customer_reference_seq;

create table customer (
    id                 uuid primary key,
    customer_reference varchar(255) not null unique,
    email              varchar(100) not null,
    salutation         varchar(8),
    first_name         varchar(100) not null,
    last_name          varchar(100) not null,
    gender             varchar(8),
    date_of_birth      date,
    phone              varchar(255),
    company            varchar(100),
    locale             varchar(5)   not null,
    confirmed_at       timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null
);

-- One account per address regardless of case; the address is stored as entered.
create unique index customer_email_key on customer (lower(email));
