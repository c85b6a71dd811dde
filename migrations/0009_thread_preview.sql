-- One line of a thread's newest message, for the teacher's conversation list (issue 14): kept by
-- the thread object with the rest of the index (src/messaging/index-sync.ts). Null until the
-- thread's next message, and after the guardian deletes their account.
ALTER TABLE `threads` ADD `last_preview` text;
