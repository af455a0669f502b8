/** What a form action answers: a message for the form, errors per field, and what to refill. */
export type FormState = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };
