CREATE TABLE `sign_up_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`payload` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_up_attempts_token_hash_unique` ON `sign_up_attempts` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sign_up_attempts_email` ON `sign_up_attempts` (`email`,`created_at`);--> statement-breakpoint
CREATE INDEX `sign_up_attempts_expires` ON `sign_up_attempts` (`expires_at`);--> statement-breakpoint
CREATE TABLE `trusted_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trusted_devices_token_hash_unique` ON `trusted_devices` (`token_hash`);--> statement-breakpoint
CREATE INDEX `trusted_devices_user` ON `trusted_devices` (`user_id`);--> statement-breakpoint
ALTER TABLE `badges` ADD `pin_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `badges` ADD `pin_failures_since` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `grant_id` text;--> statement-breakpoint
CREATE INDEX `sessions_grant` ON `sessions` (`grant_id`) WHERE grant_id IS NOT NULL;