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
ALTER TABLE `project_indicators` ADD `ziel_slug` text;