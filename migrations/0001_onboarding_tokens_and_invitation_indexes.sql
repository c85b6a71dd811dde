ALTER TABLE `auth_tokens` ADD `payload` text;--> statement-breakpoint
CREATE INDEX `invitations_district_created` ON `invitations` (`district_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `invitations_renewals` ON `invitations` (`district_id`,`created_at`) WHERE renewed_from_id IS NOT NULL;