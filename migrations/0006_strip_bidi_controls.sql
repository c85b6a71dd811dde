-- Bidirectional controls (U+202A-U+202E, U+2066-U+2069) stored before names, titles and other
-- user-supplied text were cleaned on input (src/lib/text.ts): removed from text, percent-encoded
-- in URLs (as the input now stores them), so `https://school.example.org/<U+202E>gpj.exe` cannot
-- show as another file name. Only rows that hold one are written.
UPDATE districts SET
  name = replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  invitation_message = replace(replace(replace(replace(replace(replace(replace(replace(replace(invitation_message, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR invitation_message <> replace(replace(replace(replace(replace(replace(replace(replace(replace(invitation_message, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE schools SET
  name = replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE teachers SET
  name = replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  display_name = replace(replace(replace(replace(replace(replace(replace(replace(replace(display_name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR display_name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(display_name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE students SET
  first_name = replace(replace(replace(replace(replace(replace(replace(replace(replace(first_name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  last_name = replace(replace(replace(replace(replace(replace(replace(replace(replace(last_name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  grade = replace(replace(replace(replace(replace(replace(replace(replace(replace(grade, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE first_name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(first_name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR last_name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(last_name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR grade <> replace(replace(replace(replace(replace(replace(replace(replace(replace(grade, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE sections SET
  name = replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE guardian_contacts SET
  name = replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  relationship = replace(replace(replace(replace(replace(replace(replace(replace(replace(relationship, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR relationship <> replace(replace(replace(replace(replace(replace(replace(replace(replace(relationship, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE guardianships SET
  relationship = replace(replace(replace(replace(replace(replace(replace(replace(replace(relationship, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE relationship <> replace(replace(replace(replace(replace(replace(replace(replace(replace(relationship, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE users SET
  name = replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE sign_up_attempts SET
  name = replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE name <> replace(replace(replace(replace(replace(replace(replace(replace(replace(name, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
--> statement-breakpoint
UPDATE district_links SET
  title = replace(replace(replace(replace(replace(replace(replace(replace(replace(title, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  description = replace(replace(replace(replace(replace(replace(replace(replace(replace(description, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  url = replace(replace(replace(replace(replace(replace(replace(replace(replace(url, char(0x202A), '%E2%80%AA'), char(0x202B), '%E2%80%AB'), char(0x202C), '%E2%80%AC'), char(0x202D), '%E2%80%AD'), char(0x202E), '%E2%80%AE'), char(0x2066), '%E2%81%A6'), char(0x2067), '%E2%81%A7'), char(0x2068), '%E2%81%A8'), char(0x2069), '%E2%81%A9')
WHERE title <> replace(replace(replace(replace(replace(replace(replace(replace(replace(title, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR description <> replace(replace(replace(replace(replace(replace(replace(replace(replace(description, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR url <> replace(replace(replace(replace(replace(replace(replace(replace(replace(url, char(0x202A), '%E2%80%AA'), char(0x202B), '%E2%80%AB'), char(0x202C), '%E2%80%AC'), char(0x202D), '%E2%80%AD'), char(0x202E), '%E2%80%AE'), char(0x2066), '%E2%81%A6'), char(0x2067), '%E2%81%A7'), char(0x2068), '%E2%81%A8'), char(0x2069), '%E2%81%A9');
--> statement-breakpoint
UPDATE ideas SET
  title = replace(replace(replace(replace(replace(replace(replace(replace(replace(title, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  source = replace(replace(replace(replace(replace(replace(replace(replace(replace(source, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  summary = replace(replace(replace(replace(replace(replace(replace(replace(replace(summary, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), ''),
  source_url = replace(replace(replace(replace(replace(replace(replace(replace(replace(source_url, char(0x202A), '%E2%80%AA'), char(0x202B), '%E2%80%AB'), char(0x202C), '%E2%80%AC'), char(0x202D), '%E2%80%AD'), char(0x202E), '%E2%80%AE'), char(0x2066), '%E2%81%A6'), char(0x2067), '%E2%81%A7'), char(0x2068), '%E2%81%A8'), char(0x2069), '%E2%81%A9')
WHERE title <> replace(replace(replace(replace(replace(replace(replace(replace(replace(title, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR source <> replace(replace(replace(replace(replace(replace(replace(replace(replace(source, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR summary <> replace(replace(replace(replace(replace(replace(replace(replace(replace(summary, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
   OR source_url <> replace(replace(replace(replace(replace(replace(replace(replace(replace(source_url, char(0x202A), '%E2%80%AA'), char(0x202B), '%E2%80%AB'), char(0x202C), '%E2%80%AC'), char(0x202D), '%E2%80%AD'), char(0x202E), '%E2%80%AE'), char(0x2066), '%E2%81%A6'), char(0x2067), '%E2%81%A7'), char(0x2068), '%E2%81%A8'), char(0x2069), '%E2%81%A9');
--> statement-breakpoint
UPDATE idea_suggestions SET
  text = replace(replace(replace(replace(replace(replace(replace(replace(replace(text, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '')
WHERE text <> replace(replace(replace(replace(replace(replace(replace(replace(replace(text, char(0x202A), ''), char(0x202B), ''), char(0x202C), ''), char(0x202D), ''), char(0x202E), ''), char(0x2066), ''), char(0x2067), ''), char(0x2068), ''), char(0x2069), '');
