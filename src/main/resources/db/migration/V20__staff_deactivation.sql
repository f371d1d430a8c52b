-- staff: deactivated staff cannot log in. Deactivating also moves the account to a new session
-- generation: back-office sessions signed in under an older generation end at their next request,
-- even after a reactivation.
alter table staff_account add column deactivated_at timestamptz;
alter table staff_account add column session_generation integer not null default 0;
