/**
 * A document's JSON text as it is sent to Elasticsearch, in parts that are never joined into one
 * string: `parts`, one after the other, are the object without its closing brace, and each of
 * `binary` follows as a member of its own, its bytes in base64 (how Elasticsearch reads a binary
 * field), before the brace. Written out, it is JSON.stringify's text of the same document.
 */
export interface DocumentText {
  readonly parts: readonly string[];
  readonly binary: ReadonlyArray<readonly [name: string, bytes: Uint8Array]>;
}
