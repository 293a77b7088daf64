CREATE TABLE `programme_deadlines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`bezeichnung` text NOT NULL,
	`datum` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `programme_deadlines_datum_idx` ON `programme_deadlines` (`datum`);--> statement-breakpoint
CREATE INDEX `programme_deadlines_programme_idx` ON `programme_deadlines` (`programme_id`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`kurz` text NOT NULL,
	`fonds` text NOT NULL,
	`geber` text NOT NULL,
	`ebene` text NOT NULL,
	`antragsberechtigt` text DEFAULT '[]' NOT NULL,
	`handlungsfelder` text DEFAULT '[]' NOT NULL,
	`foerderquote` real,
	`eigenanteil` real,
	`kofinanzierung` text,
	`ausschluss` text DEFAULT '[]' NOT NULL,
	`laufzeit_von` text,
	`laufzeit_bis` text,
	`url` text,
	`status` text NOT NULL,
	`summary` text NOT NULL,
	`stand` text,
	`pruefen_bis` text,
	`quellen` text DEFAULT '[]' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`cooked` text DEFAULT '' NOT NULL,
	`import_hash` text,
	`web_edited_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_slug_idx` ON `programmes` (`slug`);--> statement-breakpoint
CREATE INDEX `programmes_fonds_idx` ON `programmes` (`fonds`);--> statement-breakpoint
CREATE INDEX `programmes_pruefen_idx` ON `programmes` (`pruefen_bis`);