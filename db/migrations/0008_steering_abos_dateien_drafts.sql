CREATE TABLE `ziele` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`definition` text NOT NULL,
	`unit` text NOT NULL,
	`aggregation` text NOT NULL,
	`target_value` real,
	`target_date` text,
	`handlungsfeld` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ziele_slug_unique` ON `ziele` (`slug`);--> statement-breakpoint
CREATE TABLE `abo_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`scope` text NOT NULL,
	`ref` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `abo_ledger_once_idx` ON `abo_ledger` (`user_id`,`scope`,`ref`);--> statement-breakpoint
CREATE TABLE `abo_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`liste` text NOT NULL,
	`entry_key` text NOT NULL,
	`version` integer NOT NULL,
	`actor_id` text,
	`processed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `abo_outbox_pending_idx` ON `abo_outbox` (`processed_at`,`id`);--> statement-breakpoint
CREATE TABLE `saved_searches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`liste` text NOT NULL,
	`query` text NOT NULL,
	`feed_token_hash` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_searches_user_filter_idx` ON `saved_searches` (`user_id`,`liste`,`query`);--> statement-breakpoint
CREATE UNIQUE INDEX `saved_searches_feed_idx` ON `saved_searches` (`feed_token_hash`);--> statement-breakpoint
CREATE INDEX `saved_searches_liste_idx` ON `saved_searches` (`liste`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`original_name` text NOT NULL,
	`mime` text NOT NULL,
	`ext` text NOT NULL,
	`size` integer NOT NULL,
	`uploader_id` text,
	`parent_type` text NOT NULL,
	`parent_id` text NOT NULL,
	`thumb_sha256` text,
	`text_status` text DEFAULT 'offen' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attachments_parent_idx` ON `attachments` (`parent_type`,`parent_id`);--> statement-breakpoint
CREATE INDEX `attachments_uploader_idx` ON `attachments` (`uploader_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha_idx` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `forum_drafts` (
	`user_id` text NOT NULL,
	`topic_id` integer NOT NULL,
	`raw` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `topic_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `forum_topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `project_indicators` ADD `ziel_slug` text;