-- notification: the transactional outbox. A mail is written in the transaction of the change that
-- causes it and sent after commit; dispatchers claim rows with FOR UPDATE SKIP LOCKED.
create table notification_outbox (
    id              uuid primary key,
    mail_type       varchar(40)  not null,
    customer_id     uuid,
    recipient       varchar(100) not null,
    recipient_name  varchar(201) not null,
    locale          varchar(10)  not null,
    subject         varchar(300) not null,
    html_body       text         not null,
    text_body       text         not null,
    status          varchar(10)  not null check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz  not null,
    sent_at         timestamptz
);

create index notification_outbox_due on notification_outbox (next_attempt_at) where status in ('QUEUED', 'SENDING');
create index notification_outbox_customer on notification_outbox (customer_id, created_at);
