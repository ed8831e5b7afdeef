import { Descriptor, descriptorSchema } from '../model/descriptor';

/** Validates a descriptor; the message names every problem with its path. */
export function parseDescriptor(json: unknown, origin: string): Descriptor {
  const parsed = descriptorSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`invalid descriptor ${origin}: ${problems}`);
}
