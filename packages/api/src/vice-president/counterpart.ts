import type { Row } from './secondment-rows';

/** Calls past their notice: the list is final, so the two sides may contact each other. */
const SHARED_FROM: readonly string[] = ['confirmed', 'closed'];

/**
 * Who the caller works with and how to reach them, once the call is confirmed: the firm sees
 * the researcher, the researcher sees the firm's contact person. The full phone number goes to
 * this counterpart only; before confirmation (while objections may still remove the pair) and for
 * a cancelled pair, nothing.
 */
export function counterpartOf(row: Row, side: 'firm' | 'researcher') {
  if (!SHARED_FROM.includes(row.call.status) || row.status === 'cancelled') return null;
  if (side === 'firm') {
    return {
      name: row.candidate.researcher.name,
      unit: row.candidate.institutionName,
      phone: row.candidate.researcher.mobile,
    };
  }
  const org = row.need.organisation;
  return { name: org.contactName, unit: org.name, phone: org.contactPhone };
}
