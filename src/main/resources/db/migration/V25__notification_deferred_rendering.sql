-- notification: mails queued by the hundred thousand (the console's password mails) are stored
-- with their template variables only; the dispatcher renders subject and bodies when it sends
-- them, and the back office when it shows them. Every other mail is stored rendered, as before.
alter table notification_outbox
    alter column subject drop not null,
    alter column html_body drop not null,
    alter column text_body drop not null,
    add column variables jsonb;

alter table notification_outbox add constraint notification_outbox_rendered_or_variables
    check ((subject is not null and html_body is not null and text_body is not null) or variables is not null);

-- The back office lists the newest mails first; with a million queued at once, a sort of the whole
-- table per page would not do.
create index notification_outbox_created on notification_outbox (created_at desc, id);
