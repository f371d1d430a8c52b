-- credentials: a hash that came with an import. A later import may replace it; once the customer
-- has logged in (the hash is then Clientele's own) or chosen a password, an import never does.
alter table credentials_password add column imported boolean not null default false;
