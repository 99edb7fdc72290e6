/** Masks for personal data shown in lists and written to logs. */

export function maskMobile(mobile: string | null | undefined): string {
  if (!mobile) return '';
  if (mobile.length < 7) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** Keeps the 6-digit address code and the last 4 characters: 341302********123X. */
export function maskResidentId(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

// No lookbehind: WeChat on iOS below 16.4 cannot parse it. The leading group keeps the boundary.
const RESIDENT_ID_IN_TEXT = /(^|[^0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
// Letters count as part of the token on both sides, as for ID numbers: an identifier such as a
// UUID's last group (…-c15802980859) holds 11-digit runs that are not phone numbers.
const MOBILE_IN_TEXT = /(^|[^0-9A-Za-z])(?:\+?86)?(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;

/** Masks every resident ID and mobile number found inside free text (log lines, error messages). */
export function redactPII(text: string): string {
  return text
    .replace(
      RESIDENT_ID_IN_TEXT,
      (_m, before: string, head: string, tail: string) => `${before}${head}********${tail}`,
    )
    .replace(
      MOBILE_IN_TEXT,
      (_m, before: string, head: string, tail: string) => `${before}${head}****${tail}`,
    );
}
