-- A teacher who reads the families' languages can turn automatic translation off for themselves
-- (messages are then shown as written). On by default: most teachers read English only.
ALTER TABLE `teachers` ADD `translate_messages` integer DEFAULT true NOT NULL;
