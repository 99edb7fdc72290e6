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
