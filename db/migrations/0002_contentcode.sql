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
ALTER TABLE `programmes` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `programmes` ADD `deputy_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `deputy_id` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `articles_owner_idx` ON `articles` (`owner_id`);