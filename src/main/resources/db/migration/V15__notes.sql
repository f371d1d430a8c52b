-- notes: staff's notes on customers, append-only; author is the staff member's name at the time.
create table notes_note (
    id          uuid primary key,
    customer_id uuid          not null references customer (id),
    text        varchar(8000) not null,
    author      varchar(100)  not null,
    written_at  timestamptz   not null
);

create index notes_note_customer on notes_note (customer_id, written_at desc);
