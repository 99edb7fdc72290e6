import type { Db, TransactionClient } from '@kc/db';
import type { PolicyAmendment, PolicySet } from '@kc/domain';
import { POLICY_SETS, findPolicySet, policyCatalogue, policySetFor } from '@kc/domain';

/**
 * The policy versions this API process decides with: the code's versions followed by every
 * version the bureau has adopted (`policy_version` rows, issue 15), built by the domain's
 * `policyCatalogue`. Each process keeps the catalogue it last built with the database's token
 * (the adopted rows' ids and checksums), and rebuilds when the token differs:
 * every request, public page and reminder job checks at most once a second
 * (`refreshPolicyCatalogue`); adopting a version rebuilds it once the adoption has committed.
 * An adopted version takes effect tomorrow at the earliest (`effectiveDateProblem`), so a
 * second's lag on another instance never decides today's submission under the wrong version:
 * the version in force today is the same in both catalogues.
 */

type Queryable = Pick<TransactionClient, '$queryRaw'>;

interface Built {
  readonly token: string;
  readonly sets: readonly PolicySet[];
  /** The adopted amendments it was built from: a client builds the same list from them. */
  readonly amendments: readonly PolicyAmendment[];
}

const CODE_ONLY: Built = { token: '', sets: POLICY_SETS, amendments: [] };
/** Recently built catalogues by token (a test process meets several databases). */
const built = new Map<string, Built>([['', CODE_ONLY]]);
const KEEP_BUILT = 8;
let current: Built = CODE_ONLY;
/** When each database's token was last read (requests within a second reuse it). */
const lastChecked = new WeakMap<Db, number>();
const CHECK_EVERY_MS = 1_000;

/** The adopted versions' ids and checksums, in order: equal tokens, equal catalogues. */
async function readToken(client: Queryable): Promise<string> {
  const rows = await client.$queryRaw<{ token: string }[]>`
    SELECT coalesce(string_agg(id || ':' || checksum, ',' ORDER BY effective_from, id), '') AS token
    FROM policy_version WHERE status = 'adopted'`;
  return rows[0]?.token ?? '';
}

async function build(client: Queryable, token: string): Promise<Built> {
  const rows = await client.$queryRaw<{ amendment: unknown }[]>`
    SELECT amendment FROM policy_version WHERE status = 'adopted' ORDER BY effective_from, id`;
  const amendments = rows.map((r) => r.amendment as PolicyAmendment);
  const next = { token, sets: policyCatalogue(amendments), amendments };
  built.set(token, next);
  if (built.size > KEEP_BUILT) {
    const oldest = built.keys().next().value;
    if (oldest !== undefined && oldest !== '') built.delete(oldest);
  }
  return next;
}

/** Reads the token (inside a transaction when given one) and brings the catalogue up to date. */
export async function readPolicyCatalogue(client: Queryable): Promise<readonly PolicySet[]> {
  const token = await readToken(client);
  if (token !== current.token) current = built.get(token) ?? (await build(client, token));
  return current.sets;
}

/** For every request: reads the token at most once a second per database. */
export async function refreshPolicyCatalogue(db: Db, nowMs = Date.now()): Promise<void> {
  const at = lastChecked.get(db);
  if (at !== undefined && nowMs - at < CHECK_EVERY_MS && nowMs >= at) return;
  lastChecked.set(db, nowMs);
  await readPolicyCatalogue(db.prisma);
}

/** Every version, oldest first. */
export const policySets = (): readonly PolicySet[] => current.sets;
/** The version in force on a date (Asia/Shanghai calendar date). */
export const policySetOn = (date: string): PolicySet | undefined =>
  policySetFor(date, current.sets);
/** A version by id or version label: a code version or an adopted one. */
export const policySetById = (idOrVersion: string): PolicySet | undefined =>
  findPolicySet(idOrVersion, current.sets);
/**
 * What a client needs to decide as the server does: the adopted amendments, which the domain's
 * `policyCatalogue` turns into the same versions (the mini-program's forms, the admin's views).
 */
export const adoptedAmendments = (): readonly PolicyAmendment[] => current.amendments;
