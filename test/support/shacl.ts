import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writer, type Quad } from 'n3';

/** One SHACL validation result: the node, the property path, the constraint component that failed. */
export interface ShaclResult { focusNode: string; path: string | null; value: string | null; constraint: string; severity: string; message: string[] }
export interface ShaclReport { conforms: boolean; results: ShaclResult[] }

/** Our DCAT-AP 3 shapes (test/fixtures/shacl, written from the specification). */
export const DCAT_AP_SHAPES = readFileSync(join(__dirname, '..', 'fixtures', 'shacl', 'dcat-ap-3-shapes.ttl'), 'utf8');

const nquads = (quads: readonly Quad[]): string => new Writer({ format: 'N-Quads' }).quadsToString([...quads]);

/** A graph validated by rdf-validate-shacl (in a child node process: the library is an ES module only). */
export function validateShacl(shapes: string, quads: readonly Quad[]): Promise<ShaclReport> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'shaclValidate.mjs')], { maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`SHACL validation failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout) as ShaclReport);
    });
    child.stdin!.end(JSON.stringify({ shapes, data: nquads(quads) }));
  });
}
