/** Made copies kept by key, each with the stamp of what it was made from. */
export type KeptCopies = (key: string, stamp: string, make: () => Promise<Buffer>) => Promise<Buffer>;

/**
 * A store of copies made once and kept (the compressed copies of static files and of the OpenAPI
 * document): the copy kept for `key` is given while its stamp is the one asked for, and is made
 * again (by `make`) once the stamp has changed. Requests that come while a copy is being made
 * share it. A copy that failed is dropped, and the next request makes it again.
 */
export function keptCopies(): KeptCopies {
  const copies = new Map<string, { stamp: string; bytes: Promise<Buffer> }>();
  return (key, stamp, make) => {
    const kept = copies.get(key);
    if (kept?.stamp === stamp) return kept.bytes;
    const bytes = make();
    copies.set(key, { stamp, bytes });
    bytes.catch(() => { if (copies.get(key)?.bytes === bytes) copies.delete(key); });
    return bytes;
  };
}
