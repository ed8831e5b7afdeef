/** What parsing one piece of client input gives: its value, or why it was refused (a public message). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const refused = (message: string): Parsed<never> => ({ ok: false, message });
