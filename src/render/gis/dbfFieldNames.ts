/** The longest field name a dBASE (.dbf) header holds. */
export const DBF_NAME_LENGTH = 10;

/**
 * Field names → names a .dbf can hold (10 characters at most), deterministic and without
 * collisions: a name of 10 characters or fewer is kept as is; a longer one is cut to 10, and
 * when that is taken (by a kept name or an earlier cut one, in schema order) its end is replaced
 * by `_1`, `_2`, … (cut to 8 characters + `_1`, and so on) until it is free.
 */
export function dbfFieldNames(names: readonly string[]): string[] {
  const used = new Set(names.filter((n) => n.length <= DBF_NAME_LENGTH));
  return names.map((name) => {
    if (name.length <= DBF_NAME_LENGTH) return name;
    let candidate = name.slice(0, DBF_NAME_LENGTH);
    for (let i = 1; used.has(candidate); i++) {
      const suffix = `_${i}`;
      candidate = `${name.slice(0, DBF_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    used.add(candidate);
    return candidate;
  });
}
