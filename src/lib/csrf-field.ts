/** The hidden field that carries the CSRF token in every page form: views write it, src/auth/csrf.ts checks it. */
export const CSRF_FIELD = "_csrf";
