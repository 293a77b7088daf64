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
ALTER TABLE `cities` ADD `archived_at` integer;