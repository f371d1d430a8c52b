-- api: when a refresh-token family (one login) began, for its absolute lifetime.
alter table api_refresh_token add column family_started_at timestamptz;

update api_refresh_token token
set family_started_at = family.started_at
from (select family_id, min(created_at) as started_at from api_refresh_token group by family_id) family
where token.family_id = family.family_id;

alter table api_refresh_token alter column family_started_at set not null;
