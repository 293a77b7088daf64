CREATE TABLE `project_articles` (
	`project_id` integer NOT NULL,
	`article_slug` text NOT NULL,
	PRIMARY KEY(`project_id`, `article_slug`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `project_cities` (
	`project_id` integer NOT NULL,
	`city_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`project_id`, `city_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_cities_city_idx` ON `project_cities` (`city_id`,`role`);--> statement-breakpoint
CREATE TABLE `project_funding_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`programme_slug` text,
	`programme_name` text NOT NULL,
	`fonds` text,
	`amount` real DEFAULT 0 NOT NULL,
	`own_share` real DEFAULT 0 NOT NULL,
	`cofinancing` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_funding_lines_project_idx` ON `project_funding_lines` (`project_id`);--> statement-breakpoint
CREATE INDEX `project_funding_lines_programme_idx` ON `project_funding_lines` (`programme_slug`);--> statement-breakpoint
CREATE TABLE `project_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`baseline` real,
	`baseline_date` text,
	`target` real,
	`target_date` text,
	`current` real,
	`current_date` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_indicators_project_idx` ON `project_indicators` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`status` text NOT NULL,
	`date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `project_status_events_project_idx` ON `project_status_events` (`project_id`,`date`);--> statement-breakpoint
CREATE TABLE `project_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`city_id` integer,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `project_updates_project_idx` ON `project_updates` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'idee' NOT NULL,
	`handlungsfelder` text DEFAULT '[]' NOT NULL,
	`zielgruppen` text DEFAULT '[]' NOT NULL,
	`problem` text DEFAULT '' NOT NULL,
	`approach` text DEFAULT '' NOT NULL,
	`worked` text DEFAULT '' NOT NULL,
	`failed` text DEFAULT '' NOT NULL,
	`failure_reasons` text DEFAULT '' NOT NULL,
	`responsibilities` text DEFAULT '[]' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`budget` real,
	`start_date` text,
	`end_date` text,
	`contact_role` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'members' NOT NULL,
	`seeks_partners` integer DEFAULT false NOT NULL,
	`over_budget_confirmed` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_activity_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_slug_unique` ON `projects` (`slug`);--> statement-breakpoint
CREATE INDEX `projects_status_idx` ON `projects` (`status`);--> statement-breakpoint
CREATE INDEX `projects_visibility_idx` ON `projects` (`visibility`);