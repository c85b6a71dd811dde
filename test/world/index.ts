// One place to build what a test needs: districts and rosters, parents and teachers, sessions,
// browsers with a cookie jar, invitations and their links, threads, badges. Each module says
// what it makes; tests import from here.
export * from "./requests";
export * from "./browser";
export * from "./names";
export * from "./rows";
export * from "./districts";
export * from "./classes";
export * from "./people";
export * from "./sessions";
export * from "./mail";
export * from "./invitations";
export * from "./onboarding";
export * from "./password-reset";
export * from "./messages";
export * from "./badges";
export * from "./stewardship";
export * from "./google";
export * from "./oneroster";
export * from "./sms";
export * from "./sms-hook";
