-- Mail outbox backfill (issue 11/12): rows delivered before the status column existed are "sent", and the
-- tokens in their bodies (invitation, reset, unsubscribe links) are removed, as the delivery loop now does
-- for every mail at the moment it is marked sent. Idempotent.
UPDATE `mail_outbox` SET `status` = 'sent' WHERE `sent_at` IS NOT NULL AND `status` = 'pending';
--> statement-breakpoint
UPDATE `mail_outbox` SET `text` = '', `headers` = '{}', `body_deleted_at` = `sent_at` WHERE `status` = 'sent' AND `body_deleted_at` IS NULL;
