CREATE TABLE `forum_bookmarks` (
	`user_id` text NOT NULL,
	`post_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `post_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `forum_posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `forum_bookmarks_user_idx` ON `forum_bookmarks` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `previous_id` integer;