-- notification: every mail that carries a working link (reset, login, confirmation, e-mail change,
-- lockout, "tried to register") is confidential like the generated password's: the back office
-- shows it with the link replaced. Such mails are stored with their variables only, and every mail
-- keeps only its type, recipient, state and times once it is sent.
alter table notification_outbox drop constraint notification_outbox_rendered_or_variables;

alter table notification_outbox add constraint notification_outbox_rendered_or_variables
    check ((subject is not null and html_body is not null and text_body is not null) or variables is not null
        or status = 'SENT');

-- the account-deleted mail forgets its address once it is sent
alter table notification_outbox
    alter column recipient drop not null,
    alter column recipient_name drop not null;

update notification_outbox set confidential = true
where mail_type in ('GENERATED_PASSWORD', 'PASSWORD_RESET', 'LOGIN_CREATED', 'REGISTRATION_CONFIRMATION',
    'EMAIL_CHANGE_CONFIRMATION', 'ACCOUNT_LOCKED', 'REGISTRATION_ATTEMPTED');

update notification_outbox set subject = null, html_body = null, text_body = null, variables = null
where status = 'SENT';

update notification_outbox set recipient = null, recipient_name = null
where status = 'SENT' and mail_type = 'ACCOUNT_DELETED';

-- the retention deletes sent and failed mails by age, in batches
create index notification_outbox_sent on notification_outbox (sent_at) where status = 'SENT';
create index notification_outbox_failed on notification_outbox (created_at) where status = 'FAILED';
