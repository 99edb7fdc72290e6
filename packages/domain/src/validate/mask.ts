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
// Percent-encoding (%22, %3A, %2522 when encoded twice) or a \u0022 escape puts a digit or a hex
// letter right before a number: that counts as a boundary too.
const ENCODED = String.raw`%(?:25)*[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}`;
const RESIDENT_ID_IN_TEXT = new RegExp(
  String.raw`(^|${ENCODED}|[^0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])`,
  'g',
);
// A letter before a mobile number does not protect it: in a URL-encoded query (%3A13912345678)
// the number follows a hex letter.
const MOBILE_IN_TEXT = new RegExp(
  String.raw`(^|${ENCODED}|\D)(?:\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)`,
  'g',
);
// UUIDs are set aside first: a last group such as c15802980859 holds an 11-digit run that the
// mobile pattern would take for a phone number, and the record's id would be lost from the log.
// So are hex strings of 32 characters or more (a file's sha-256, a panel draw's seed such as
// fe6ffb563ff6420e9bf18544436501ee): a seed masked in the audit log could not replay its draw.
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}/gi;
// Private-use characters mark where each UUID was; they never occur in real text.
const SET_ASIDE = /\uE000(\d+)\uE001/g;
// A mobile number is 11 digits in a row (after any +86), a resident ID 17 and a check character.
const LONG_DIGIT_RUN = /\d{11}/;

/** Masks every resident ID and mobile number found inside free text (log lines, error messages). */
export function redactPII(text: string): string {
  // Both numbers are runs of 11+ digits: most log lines have none and pass untouched.
  if (!LONG_DIGIT_RUN.test(text)) return text;
  const uuids: string[] = [];
  const shielded = text.replace(UUID_IN_TEXT, (uuid) => `\uE000${uuids.push(uuid) - 1}\uE001`);
  return shielded
    .replace(
      RESIDENT_ID_IN_TEXT,
      (_m, before: string, head: string, tail: string) => `${before}${head}********${tail}`,
    )
    .replace(
      MOBILE_IN_TEXT,
      (_m, before: string, head: string, tail: string) => `${before}${head}****${tail}`,
    )
    .replace(SET_ASIDE, (_m, index: string) => uuids[Number(index)] ?? _m);
}

/**
 * Unmasked mobile and resident ID numbers in text (a log file), percent-encoding decoded first;
 * for tests that read what a run wrote. UUIDs, long hex runs and decimals are not numbers here.
 */
export function findUnmaskedPII(text: string): string[] {
  let decoded = text;
  for (let i = 0; i < 3; i++)
    decoded = decoded.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  const plain = decoded.replace(UUID_IN_TEXT, ' ').replace(/[0-9a-f]{32,}/gi, ' ');
  const found: string[] = [];
  for (const m of plain.matchAll(/(^|[^\d.])(1[3-9]\d{9}|\d{17}[\dXx])(?![\dXx])/g))
    if (m[2]) found.push(m[2]);
  return found;
}
