CREATE TABLE `csp_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`directive` text NOT NULL,
	`blocked_origin` text NOT NULL,
	`document_path` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `csp_reports_at_idx` ON `csp_reports` (`created_at`);