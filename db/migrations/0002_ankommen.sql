CREATE TABLE `anlaufstellen` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer NOT NULL,
	`name` text NOT NULL,
	`handlungsfeld` text NOT NULL,
	`stationen` text DEFAULT '[]' NOT NULL,
	`adresse` text NOT NULL,
	`oeffnungszeiten` text DEFAULT '' NOT NULL,
	`telefon` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`sprachen` text DEFAULT '[]' NOT NULL,
	`termin_noetig` integer DEFAULT false NOT NULL,
	`hinweis` text DEFAULT '' NOT NULL,
	`archived_at` integer,
	`updated_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `anlaufstellen_city_idx` ON `anlaufstellen` (`city_id`);--> statement-breakpoint
CREATE TABLE `guides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station` text NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`raw` text NOT NULL,
	`cooked` text NOT NULL,
	`steps` text DEFAULT '[]' NOT NULL,
	`quelle_stand` text NOT NULL,
	`status` text DEFAULT 'entwurf' NOT NULL,
	`geprueft_von` text,
	`geprueft_am` text,
	`verantwortlich` text,
	`checkliste` text,
	`source_hash` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guides_station_lang_idx` ON `guides` (`station`,`lang`);