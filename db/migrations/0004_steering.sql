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
CREATE INDEX `termine_beginn_idx` ON `termine` (`beginn`);