-- Text messages both ways (issue 17): a verified phone on the account, how the parent wants to be
-- told of an unread message, the codes that verify a phone, which thread each text notice was for
-- (so a reply by text finds its thread), the numbers that said STOP, and the district's choice to
-- put the start of a message in the text.
ALTER TABLE `users` ADD `phone` text;
--> statement-breakpoint
ALTER TABLE `users` ADD `phone_verified_at` integer;
--> statement-breakpoint
ALTER TABLE `users` ADD `notify_sms` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `districts` ADD `sms_preview` integer DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE INDEX `users_phone` ON `users` (`phone`) WHERE phone_verified_at IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `phone_codes` (
	`user_id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sms_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`user_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sms_notices_phone` ON `sms_notices` (`phone`,`created_at`);
--> statement-breakpoint
CREATE TABLE `sms_opt_outs` (
	`phone` text PRIMARY KEY NOT NULL,
	`stopped_at` integer NOT NULL
);
