/** A page of the explorer: built once, then updated from its hash parameters as the user filters. */
export interface View {
  readonly root: HTMLElement;
  update(params: URLSearchParams): void;
  destroy(): void;
}

/** Sets the page's hash (which updates the view): `#/` is the catalog, `#/dataset/<id>` a dataset. */
export type Navigate = (path: string, params: URLSearchParams) => void;

/** A whole number from the hash, or the default when absent or not a number. */
export function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const n = Number(params.get(name));
  return params.has(name) && Number.isInteger(n) && n >= 0 ? n : fallback;
}
