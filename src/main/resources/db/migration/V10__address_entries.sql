-- address: customers' address books. The id is the address's public id (Glue's uuid).
create table address_entry (
    id               uuid primary key,
    customer_id      uuid         not null references customer (id),
    salutation       varchar(8)   not null,
    first_name       varchar(100) not null,
    last_name        varchar(100) not null,
    address1         varchar(255) not null,
    address2         varchar(255) not null,
    address3         varchar(255),
    zip_code         varchar(15)  not null,
    city             varchar(255) not null,
    iso2_code        char(2)      not null,
    company          varchar(255),
    phone            varchar(255),
    default_billing  boolean      not null default false,
    default_shipping boolean      not null default false,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

create index address_entry_customer on address_entry (customer_id, created_at);
-- at most one default of each kind per customer
create unique index address_entry_default_billing on address_entry (customer_id) where default_billing;
create unique index address_entry_default_shipping on address_entry (customer_id) where default_shipping;
