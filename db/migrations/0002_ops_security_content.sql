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
CREATE TABLE `anlaufstellen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer NOT NULL,
	`name` text NOT NULL,
	`handlungsfeld` text NOT NULL,
	`stationen` text DEFAULT '[]' NOT NULL,
	`adresse` text NOT NULL,
	`oeffnungszeiten` text DEFAULT '' NOT NULL,
	`telefon` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`sprachen` text DEFAULT '[]' NOT NULL,
	`termin_noetig` integer DEFAULT false NOT NULL,
	`hinweis` text DEFAULT '' NOT NULL,
	`archived_at` integer,
	`updated_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `anlaufstellen_city_idx` ON `anlaufstellen` (`city_id`);--> statement-breakpoint
CREATE TABLE `guides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station` text NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`raw` text NOT NULL,
	`cooked` text NOT NULL,
	`steps` text DEFAULT '[]' NOT NULL,
	`quelle_stand` text NOT NULL,
	`status` text DEFAULT 'entwurf' NOT NULL,
	`geprueft_von` text,
	`geprueft_am` text,
	`verantwortlich` text,
	`checkliste` text,
	`source_hash` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guides_station_lang_idx` ON `guides` (`station`,`lang`);--> statement-breakpoint
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