CREATE TABLE `city_figure_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer NOT NULL,
	`figure_id` integer,
	`actor_id` text,
	`action` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `city_figure_changes_city_idx` ON `city_figure_changes` (`city_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `city_figure_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer NOT NULL,
	`indicator` text NOT NULL,
	`district` text,
	`value` real NOT NULL,
	`qualifier` text DEFAULT 'genau' NOT NULL,
	`display_text` text,
	`as_of` text,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `city_figure_values_city_idx` ON `city_figure_values` (`city_id`,`indicator`);--> statement-breakpoint
CREATE TABLE `app_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reset_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE `idempotency_keys` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`route` text NOT NULL,
	`result` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `forderung_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forderung_id` integer NOT NULL,
	`status` text NOT NULL,
	`datum` text NOT NULL,
	`nachweis` text NOT NULL,
	`nachweis_url` text,
	`begruendung` text,
	`source` text NOT NULL,
	`state` text NOT NULL,
	`author_id` text,
	`author_label` text,
	`decided_by_id` text,
	`decided_at` integer,
	`decision_note` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`forderung_id`) REFERENCES `forderungen`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `forderung_changes_forderung_idx` ON `forderung_status_changes` (`forderung_id`);--> statement-breakpoint
CREATE INDEX `forderung_changes_state_idx` ON `forderung_status_changes` (`state`,`decided_at`);--> statement-breakpoint
CREATE TABLE `forderungen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`datei` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`loesungsszenario` integer NOT NULL,
	`artikel` text NOT NULL,
	`ebene` text NOT NULL,
	`stelle` text NOT NULL,
	`titel` text NOT NULL,
	`text` text NOT NULL,
	`handlungsfelder` text DEFAULT '[]' NOT NULL,
	`quelle` text NOT NULL,
	`status` text DEFAULT 'offen' NOT NULL,
	`status_datum` text,
	`import_hash` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forderungen_slug_idx` ON `forderungen` (`slug`);--> statement-breakpoint
CREATE INDEX `forderungen_ebene_idx` ON `forderungen` (`ebene`);--> statement-breakpoint
CREATE INDEX `forderungen_ls_idx` ON `forderungen` (`loesungsszenario`);--> statement-breakpoint
CREATE TABLE `termine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`titel` text NOT NULL,
	`beginn` integer NOT NULL,
	`ende` integer,
	`ort` text,
	`online` integer DEFAULT false NOT NULL,
	`zielgruppen` text DEFAULT '[]' NOT NULL,
	`handlungsfelder` text DEFAULT '[]' NOT NULL,
	`anmeldung_url` text,
	`beschreibung` text DEFAULT '' NOT NULL,
	`city_id` integer,
	`created_by_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `termine_beginn_idx` ON `termine` (`beginn`);--> statement-breakpoint
CREATE TABLE `csp_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`directive` text NOT NULL,
	`blocked_origin` text NOT NULL,
	`document_path` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `csp_reports_at_idx` ON `csp_reports` (`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_topic_concerns` (
	`topic_id` integer NOT NULL,
	`city_id` integer NOT NULL,
	`user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`topic_id`, `city_id`),
	FOREIGN KEY (`topic_id`) REFERENCES `forum_topics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_topic_concerns`("topic_id", "city_id", "user_id", "created_at") SELECT "topic_id", "city_id", "user_id", "created_at" FROM `topic_concerns`;--> statement-breakpoint
DROP TABLE `topic_concerns`;--> statement-breakpoint
ALTER TABLE `__new_topic_concerns` RENAME TO `topic_concerns`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_project_cities` (
	`project_id` integer NOT NULL,
	`city_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`project_id`, `city_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_project_cities`("project_id", "city_id", "role") SELECT "project_id", "city_id", "role" FROM `project_cities`;--> statement-breakpoint
DROP TABLE `project_cities`;--> statement-breakpoint
ALTER TABLE `__new_project_cities` RENAME TO `project_cities`;--> statement-breakpoint
CREATE INDEX `project_cities_city_idx` ON `project_cities` (`city_id`,`role`);--> statement-breakpoint
ALTER TABLE `cities` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `created_at` integer;--> statement-breakpoint
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