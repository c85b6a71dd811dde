// Names no other test of the run uses: storage is emptied per file, but a file's tests share it.
let counter = 0;

/** `prefix` followed by something unique in this run. */
export const uniq = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;

/** A fresh email address, `who` naming whose it is in the test. */
export const freshEmail = (who = "parent", domain = "example.com") => `${who}${++counter}.${Date.now().toString(36)}@${domain}`;
