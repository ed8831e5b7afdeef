import { createHash, randomBytes } from 'node:crypto';

/** A new API key: 32 random bytes, URL-safe, with a prefix that makes it recognisable in a leak. */
export const generateApiKey = (): string => `ps_${randomBytes(32).toString('base64url')}`;

/** What the store keeps of a key (SHA-256, hex): the key itself is shown once and never stored. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** What a key may look like: anything else is refused without a database lookup. */
export const API_KEY_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;
