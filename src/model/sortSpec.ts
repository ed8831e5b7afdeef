/**
 * One item of a `sort` parameter: a name, dashed (`-name`) for the other direction. Which
 * direction is which depends on what is sorted (ODS v1: numbers and dates descending, `-` ascending;
 * text A→Z, `-` Z→A), so each planner decides it; this only reads the dash.
 */
export interface SortSpec { name: string; dashed: boolean }

export function sortSpec(spec: string): SortSpec {
  const dashed = spec.startsWith('-');
  return { name: dashed ? spec.slice(1) : spec, dashed };
}
