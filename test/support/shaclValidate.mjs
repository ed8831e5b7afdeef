// Validates an RDF graph against SHACL shapes with rdf-validate-shacl, which is an ES module
// only (jest's CommonJS runtime cannot load it): run by test/support/shacl.ts as a child
// process. Reads {"shapes": Turtle, "data": N-Quads} on stdin, writes the report as JSON.
import process from 'node:process';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const { shapes, data } = JSON.parse(input);
const shapesGraph = new Store(new Parser().parse(shapes));
const dataGraph = new Store(new Parser({ format: 'N-Quads' }).parse(data));
const report = await new SHACLValidator(shapesGraph).validate(dataGraph);
const term = (t) => (t ? (t.termType === 'BlankNode' ? `_:${t.value}` : t.value) : null);
process.stdout.write(JSON.stringify({
  conforms: report.conforms,
  results: report.results.map((r) => ({
    focusNode: term(r.focusNode), path: term(r.path), value: term(r.value),
    constraint: term(r.sourceConstraintComponent), severity: term(r.severity), message: r.message.map((m) => m.value),
  })),
}));
