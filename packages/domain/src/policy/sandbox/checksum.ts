import type { Fen } from '../../money';
import type { PolicyAmendment } from '../amendments/schema';
import { ByteWriter } from './byte-writer';
import { CanonicalEncoder } from './canonical-bytes';
import { Sha256 } from './sha256';
import type { HistoricalApplication, SandboxPeriod } from './types';

/**
 * A SHA-256 fed bytes in pieces. The domain's own `Sha256` by default; the server may pass
 * `node:crypto`'s, `{ update: (b) => h.update(b), hex: () => h.digest('hex') }`: the same
 * digest, faster. `update` must use the bytes before it returns: their buffer is reused.
 */
export interface ByteHash {
  update(bytes: Uint8Array): unknown;
  hex(): string;
}

/** One replay's outcome, row by row in replay order (`ReplayOutcomes` is one). */
export interface RowOutcomes {
  /** 1 for an eligible row, 0 for a refused one. */
  readonly eligible: Uint8Array;
  readonly amounts: readonly Fen[];
}

export interface SandboxChecksumInput {
  readonly applications: readonly HistoricalApplication[];
  readonly period: SandboxPeriod;
  readonly currentId: string;
  readonly proposedId: string;
  /** The amendment the proposed version was made from, if it was. */
  readonly amendment?: PolicyAmendment | null;
  readonly budgetsFen?: Readonly<Record<string, Fen>> | null;
  /** What each version decided for each application replayed. */
  readonly outcomes: { readonly base: RowOutcomes; readonly proposed: RowOutcomes };
}

/** Names this layout: a later change to what is hashed changes the tag, never matches old sums. */
const FORMAT = 'kc-policy-sandbox/2';

/**
 * SHA-256 (hex) of what a sandbox result is made of: its inputs — the applications, the period,
 * both versions' ids, the amendment and the budgets — and its outcomes, each row's eligibility and
 * amount under both versions. The same inputs and outcomes give the same sum on any machine, in
 * any key order; a change to any of them, an amount computed differently included, changes it.
 *
 * Hashed in the compact canonical encoding of `canonical-bytes.ts` (the inputs as one object, then
 * the row count and, row by row, both eligibilities as one number and both amounts), written
 * straight into the hash's buffer: for 100,000 applications 31 MB, where their canonical JSON was
 * 57 MB of text to encode again as UTF-8.
 */
export function sandboxChecksum(
  input: SandboxChecksumInput,
  hash: ByteHash = new Sha256(),
): string {
  const out = new ByteWriter((bytes) => hash.update(bytes));
  const encoder = new CanonicalEncoder(out);
  encoder.value({
    format: FORMAT,
    applications: input.applications,
    period: input.period,
    currentId: input.currentId,
    proposedId: input.proposedId,
    amendment: input.amendment ?? null,
    budgetsFen: input.budgetsFen ?? null,
  });
  const { base, proposed } = input.outcomes;
  const rows = base.eligible.length;
  const lengths = [base.amounts.length, proposed.eligible.length, proposed.amounts.length];
  if (lengths.some((n) => n !== rows)) {
    throw new Error('sandboxChecksum: the outcomes are of different applications');
  }
  encoder.number(rows);
  for (let at = 0; at < rows; at++) {
    encoder.number((base.eligible[at] ? 2 : 0) + (proposed.eligible[at] ? 1 : 0));
    encoder.bigint(base.amounts[at] as Fen);
    encoder.bigint(proposed.amounts[at] as Fen);
  }
  out.flush();
  return hash.hex();
}
