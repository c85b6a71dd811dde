CREATE TABLE `roster_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`dry_run` integer NOT NULL,
	`invite` integer NOT NULL,
	`remove_missing` integer NOT NULL,
	`version` text,
	`upload_key` text,
	`upload_bytes` integer NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`steps` integer DEFAULT 0 NOT NULL,
	`progress_rows` integer DEFAULT 0 NOT NULL,
	`progress_total` integer DEFAULT 0 NOT NULL,
	`counts` text NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`max_step_queries` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `roster_imports_district_created` ON `roster_imports` (`district_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `roster_imports_upload` ON `roster_imports` (`finished_at`) WHERE upload_key IS NOT NULL;--> statement-breakpoint
ALTER TABLE `guardian_contacts` ADD `source_id` text;--> statement-breakpoint
CREATE INDEX `guardian_contacts_source` ON `guardian_contacts` (`district_id`,`source_id`) WHERE source_id IS NOT NULL;
