import type { FieldDef } from '../../src/model/descriptor';
import { recordQuerySchema } from '../../src/schema/recordQuerySchema';
import type { QuerySchema } from '../../src/model/querySchema';
import { fixtureDescriptor } from './ingestFixture';

/** A fixture's declared fields as FieldDefs (every fixture field used here declares its type). */
export function fixtureFields(id: string): FieldDef[] {
  return fixtureDescriptor(id).fields.map((f) => {
    if (!f.type) throw new Error(`${id}.${f.name} declares no type`);
    return { ...f, label: f.label ?? f.name, type: f.type, source: f.source ?? { column: f.name } };
  });
}

export const fixtureQuerySchema = (id: string): QuerySchema => recordQuerySchema(fixtureFields(id));
