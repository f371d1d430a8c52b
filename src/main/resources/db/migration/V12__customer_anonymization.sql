-- customer: anonymised accounts keep their row and reference (orders point to it); the personal
-- data is gone.
alter table customer add column anonymized_at timestamptz;
