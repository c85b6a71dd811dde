ALTER TABLE `districts` ADD `time_zone` text DEFAULT 'America/New_York' NOT NULL;--> statement-breakpoint
ALTER TABLE `guardian_contacts` ADD `language` text;--> statement-breakpoint
ALTER TABLE `sign_up_attempts` ADD `language` text;--> statement-breakpoint
ALTER TABLE `teachers` ADD `language` text;--> statement-breakpoint
ALTER TABLE `users` ADD `language` text;