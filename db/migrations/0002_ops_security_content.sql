CREATE TABLE `daily_job_runs` (
	`job` text NOT NULL,
	`day` text NOT NULL,
	`started_at` integer NOT NULL,
	`lease_until` integer NOT NULL,
	`runner` text NOT NULL,
	`finished_at` integer,
	`count` integer,
	`attempts` integer DEFAULT 1 NOT NULL,
	`last_error` text,
	PRIMARY KEY(`job`, `day`)
);
--> statement-breakpoint
CREATE TABLE `review_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`threshold` text NOT NULL,
	`pruefen_bis` text NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_reminders_once_idx` ON `review_reminders` (`entity_type`,`entity_id`,`threshold`,`pruefen_bis`);--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `claimed_until` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `claim_token` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `give_up_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `failed_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `body_deleted_at` integer;--> statement-breakpoint
CREATE INDEX `mail_outbox_status_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `programmes` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `programmes` ADD `deputy_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `deputy_id` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `articles_owner_idx` ON `articles` (`owner_id`);