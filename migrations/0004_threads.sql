CREATE TABLE `threads` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`teacher_id` text NOT NULL,
	`guardian_user_id` text NOT NULL,
	`student_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_message_at` integer NOT NULL,
	`last_sender_kind` text,
	`teacher_unread` integer DEFAULT 0 NOT NULL,
	`guardian_unread` integer DEFAULT 0 NOT NULL,
	`index_version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guardian_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `threads_participants` ON `threads` (`teacher_id`,`guardian_user_id`,`student_id`);--> statement-breakpoint
CREATE INDEX `threads_teacher_recent` ON `threads` (`teacher_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `threads_guardian_recent` ON `threads` (`guardian_user_id`,`last_message_at`);