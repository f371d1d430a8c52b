-- credentials: an e-mail change link carries the new address until it is used.
alter table credentials_token add column new_email varchar(100);
