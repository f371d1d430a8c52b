-- orderhistory: the shop's orders as the checkout reports them. Amounts in cents; items,
-- addresses, payments and shipments as the checkout sent them (JSON).
create table orderhistory_order (
    id                 uuid primary key,
    order_reference    varchar(255) not null unique,
    customer_id        uuid         not null references customer (id),
    currency           char(3)      not null,
    price_mode         varchar(10)  not null,
    state              varchar(100) not null,
    subtotal           bigint       not null,
    expense_total      bigint       not null,
    discount_total     bigint       not null,
    tax_total          bigint       not null,
    grand_total        bigint       not null,
    canceled_total     bigint       not null,
    remuneration_total bigint       not null,
    items              jsonb        not null,
    billing_address    jsonb,
    shipping_address   jsonb,
    payment_method     varchar(255),
    shipment_method    varchar(255),
    ordered_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

create index orderhistory_order_customer on orderhistory_order (customer_id, ordered_at desc);
