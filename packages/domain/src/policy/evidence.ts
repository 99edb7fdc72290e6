import type { EvidenceRequirement } from './types';

/*
 * A guide lists a handful of evidence kinds and an application a handful more: scanning the list
 * given beats building a Set of it for every application evaluated.
 */

/** The guide's required evidence the application lacks, in the guide's order. */
export function missingEvidenceOf(
  guide: readonly EvidenceRequirement[],
  provided: readonly string[],
): EvidenceRequirement[] {
  const missing: EvidenceRequirement[] = [];
  for (const e of guide) if (e.required && !provided.includes(e.kind)) missing.push(e);
  return missing;
}

/** The names of the guide's evidence the application provides, in the guide's order. */
export function providedEvidenceNames(
  guide: readonly EvidenceRequirement[],
  provided: readonly string[],
): string[] {
  const names: string[] = [];
  for (const e of guide) if (provided.includes(e.kind)) names.push(e.name);
  return names;
}
