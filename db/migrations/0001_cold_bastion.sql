CREATE TABLE `search_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`typ` text NOT NULL,
	`slug` text NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`headings` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`kurz` text DEFAULT '' NOT NULL,
	`subtype` text DEFAULT '' NOT NULL,
	`handlungsfelder` text DEFAULT '[]' NOT NULL,
	`ebenen` text DEFAULT '[]' NOT NULL,
	`staedte` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_documents_typ_idx` ON `search_documents` (`typ`);--> statement-breakpoint
CREATE INDEX `search_documents_visibility_idx` ON `search_documents` (`visibility`);--> statement-breakpoint
CREATE TABLE `search_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` text NOT NULL,
	`op` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `search_outbox_pending_idx` ON `search_outbox` (`done_at`,`id`);