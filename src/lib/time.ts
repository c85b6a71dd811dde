/** All timestamps are stored as integer milliseconds since the epoch. */
export const now = (): number => Date.now();
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const isoDate = (ms: number): string => new Date(ms).toISOString();
