import type { z } from 'zod';

/**
 * Field errors keyed by the top-level field name, for forms: `{ creditCode: ['…校验位不正确…'] }`.
 * One function so the mini-program, the admin and the API report the same messages.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A step of an issue's path: a key, an array index, or (Standard Schema) `{ key }`. */
export type IssuePathSegment = PropertyKey | { readonly key: PropertyKey };

/**
 * Where an issue is, as a dotted path with array indexes kept: `creditCode`,
 * `body.milestones.2.note`, `attachments.1.fileId`, so a message lands on its list item. The
 * server's `fieldErrors` keys and the clients' own checks use this one form; '' is the whole input.
 */
export function issuePath(path: readonly IssuePathSegment[] | undefined): string {
  return (path ?? []).map((step) => String(typeof step === 'object' ? step.key : step)).join('.');
}
