CREATE TABLE `article_suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`author_id` text,
	`base_version` integer NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`comment` text NOT NULL,
	`status` text DEFAULT 'offen' NOT NULL,
	`decided_by_id` text,
	`decision_note` text DEFAULT '' NOT NULL,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `article_suggestions_status_idx` ON `article_suggestions` (`status`);--> statement-breakpoint
CREATE INDEX `article_suggestions_article_idx` ON `article_suggestions` (`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`html` text DEFAULT '' NOT NULL,
	`headings` text DEFAULT '[]' NOT NULL,
	`handlungsfelder` text DEFAULT '[]' NOT NULL,
	`ebenen` text DEFAULT '[]' NOT NULL,
	`staedte` text DEFAULT '[]' NOT NULL,
	`quellen` text DEFAULT '[]' NOT NULL,
	`zielgruppen` text DEFAULT '[]' NOT NULL,
	`station` text,
	`chart` text,
	`stand` text NOT NULL,
	`pruefen_bis` text,
	`status` text DEFAULT 'entwurf' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`missing_links` text DEFAULT '[]' NOT NULL,
	`source_hash` text,
	`imported_at` integer,
	`edited_on_web_at` integer,
	`created_by_id` text,
	`updated_by_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_type_idx` ON `articles` (`type`);--> statement-breakpoint
CREATE INDEX `articles_status_idx` ON `articles` (`status`);--> statement-breakpoint
CREATE INDEX `articles_pruefen_idx` ON `articles` (`pruefen_bis`);