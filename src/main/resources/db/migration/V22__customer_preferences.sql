-- customer: preferences of the account area. The consent to marketing e-mails keeps the time it
-- was given or withdrawn.
alter table customer add column preferred_shipping_method varchar(32);
alter table customer add column marketing_consent boolean not null default false;
alter table customer add column marketing_consent_changed_at timestamptz;
