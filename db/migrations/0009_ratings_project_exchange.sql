CREATE TABLE `programme_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`programme_slug` text NOT NULL,
	`author_id` text,
	`city_id` integer,
	`effort_application` integer NOT NULL,
	`effort_proof` integer NOT NULL,
	`decision_months` integer NOT NULL,
	`would_use_again` integer NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_ratings_project_programme_idx` ON `programme_ratings` (`project_id`,`programme_slug`);--> statement-breakpoint
CREATE INDEX `programme_ratings_programme_idx` ON `programme_ratings` (`programme_slug`);--> statement-breakpoint
CREATE TABLE `project_discussions` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`topic_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `forum_topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_discussions_topic_id_unique` ON `project_discussions` (`topic_id`);--> statement-breakpoint
CREATE TABLE `project_interest` (
	`project_id` integer NOT NULL,
	`city_id` integer NOT NULL,
	`user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`notified_at` integer,
	`withdrawn_at` integer,
	PRIMARY KEY(`project_id`, `city_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
