CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`student_id` text,
	`target_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_district_at` ON `audit_log` (`district_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_student` ON `audit_log` (`student_id`,`at`);--> statement-breakpoint
CREATE TABLE `auth_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`subject_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_tokens_token_hash_unique` ON `auth_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `auth_tokens_expires` ON `auth_tokens` (`expires_at`);--> statement-breakpoint
CREATE TABLE `badges` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`student_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`pin_hash` text,
	`created_at` integer NOT NULL,
	`voided_at` integer,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `badges_token_hash_unique` ON `badges` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `badges_live_student` ON `badges` (`student_id`) WHERE voided_at IS NULL;--> statement-breakpoint
CREATE TABLE `district_links` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`audience` text NOT NULL,
	`description` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `district_links_district_key` ON `district_links` (`district_id`,`key`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`token_rotated_at` integer NOT NULL,
	`invitation_message` text,
	`reminder_before_expiry` integer DEFAULT false NOT NULL,
	`invitation_ttl_days` integer,
	`badge_pin` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_token_hash_unique` ON `districts` (`token_hash`);--> statement-breakpoint
CREATE TABLE `enrollments` (
	`section_id` text NOT NULL,
	`student_id` text NOT NULL,
	PRIMARY KEY(`section_id`, `student_id`),
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `enrollments_student` ON `enrollments` (`student_id`);--> statement-breakpoint
CREATE TABLE `guardian_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`student_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`name` text,
	`relationship` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guardian_contacts_student_address` ON `guardian_contacts` (`student_id`,`channel`,`address`);--> statement-breakpoint
CREATE TABLE `guardianships` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`user_id` text NOT NULL,
	`student_id` text NOT NULL,
	`invitation_id` text,
	`relationship` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guardianships_user_student` ON `guardianships` (`user_id`,`student_id`);--> statement-breakpoint
CREATE INDEX `guardianships_student` ON `guardianships` (`student_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`source_url` text NOT NULL,
	`summary` text NOT NULL,
	`topic` text NOT NULL,
	`grade_band` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_slug_unique` ON `ideas` (`slug`);--> statement-breakpoint
CREATE INDEX `ideas_topic_grade` ON `ideas` (`topic`,`grade_band`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`district_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status_code` integer NOT NULL,
	`response_body` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`district_id`, `key`),
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`student_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`token_hash` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`expires_at` integer NOT NULL,
	`sent_at` integer,
	`send_count` integer DEFAULT 1 NOT NULL,
	`accepted_at` integer,
	`accepted_by_user_id` text,
	`disputed_at` integer,
	`revoked_at` integer,
	`reminder_sent_at` integer,
	`renewed_from_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `guardian_contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_district_status` ON `invitations` (`district_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `invitations_student` ON `invitations` (`student_id`);--> statement-breakpoint
CREATE INDEX `invitations_address` ON `invitations` (`address`,`status`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text,
	`student_id` text,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text,
	`body_text` text NOT NULL,
	`body_html` text,
	`idempotency_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_to` ON `outbox` (`to_address`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_student` ON `outbox` (`student_id`);--> statement-breakpoint
CREATE TABLE `schools` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`sis_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schools_district_sis` ON `schools` (`district_id`,`sis_id`);--> statement-breakpoint
CREATE TABLE `section_teachers` (
	`section_id` text NOT NULL,
	`teacher_id` text NOT NULL,
	PRIMARY KEY(`section_id`, `teacher_id`),
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `section_teachers_teacher` ON `section_teachers` (`teacher_id`);--> statement-breakpoint
CREATE TABLE `sections` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`sis_id` text NOT NULL,
	`school_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sections_district_sis` ON `sections` (`district_id`,`sis_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`user_agent` text
);
--> statement-breakpoint
CREATE INDEX `sessions_subject` ON `sessions` (`kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `students` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`sis_id` text NOT NULL,
	`school_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`grade` text,
	`email` text,
	`badges_enabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `students_district_sis` ON `students` (`district_id`,`sis_id`);--> statement-breakpoint
CREATE INDEX `students_school` ON `students` (`school_id`);--> statement-breakpoint
CREATE INDEX `students_email` ON `students` (`email`);--> statement-breakpoint
CREATE TABLE `teachers` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`sis_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`display_name` text,
	`messages_enabled` integer DEFAULT true NOT NULL,
	`notify_unread` integer DEFAULT true NOT NULL,
	`google_sub` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teachers_district_sis` ON `teachers` (`district_id`,`sis_id`);--> statement-breakpoint
CREATE INDEX `teachers_email` ON `teachers` (`email`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`email_verified_at` integer,
	`name` text NOT NULL,
	`password_hash` text,
	`google_sub` text,
	`notify_unread` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_google_sub_unique` ON `users` (`google_sub`);