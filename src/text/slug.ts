/** A CKAN-style name for a title: lower case ASCII letters and digits joined by hyphens (`Ville de Paris` → `ville-de-paris`). */
export const slug = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
