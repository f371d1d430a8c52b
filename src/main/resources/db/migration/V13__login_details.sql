-- credentials: staff can require a password change at the next login.
alter table credentials_password add column must_change boolean not null default false;

-- customer: staff can block an account's login without closing it.
alter table customer add column blocked_at timestamptz;
