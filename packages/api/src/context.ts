import type { Db } from '@kc/db';
import type { ErrorCode, LoginStep } from '@kc/domain';
import { LOGIN_STEPS, isAreaCode } from '@kc/domain';
import { STEP_ERROR } from './auth/second-factor';
import type { WeChatClient } from './auth/wechat';
import type { FileStore } from './files/store';
import type { JobQueue } from './jobs/runtime';
import { bearerToken, hashToken } from './auth/tokens';
import type { SessionCache } from './auth/session-cache';
import { readSession } from './auth/session-row';
import type { Caller, OfficerCaller } from './caller';
import type { ApiConfig } from './config';
import type { Logger } from './logger';
import type { ApiMetrics } from './metrics';
import { roleFromDb } from './mappers';
import { refreshPolicyCatalogue } from './policy/catalogue';

/** Long-lived dependencies, built once by the server (or a test). */
export interface ApiDeps {
  db: Db;
  wechat: WeChatClient;
  config: ApiConfig;
  log: Logger;
  now: () => Date;
  /**
   * The uploaded files' bytes, for procedures that read a file's content (official lists are
   * parsed from their .xlsx / .csv). The server passes the store its file routes write to.
   */
  fileStore?: FileStore | undefined;
  /** Procedure timings and login failures for /metrics (the server's prom-client registry). */
  metrics?: ApiMetrics | undefined;
  /**
   * The job queue (pg-boss): messages written by a mutation are enqueued for WeChat after it
   * commits; administrators read and retry failed jobs. Absent in most tests.
   */
  jobs?: JobQueue | undefined;
  /**
   * Real time for officers' TOTP codes, which phones compute from it: never the movable test
   * clock `now`. Default: the system clock; tests may set it.
   */
  wallClock?: (() => Date) | undefined;
  /**
   * Verified sessions kept briefly in memory, invalidated through LISTEN/NOTIFY by every instance
   * (auth/session-cache.ts). Absent: every request reads its session.
   */
  sessionCache?: SessionCache | undefined;
}

/** What the API needs to know about an HTTP request, whatever the adapter. */
export interface RequestInfo {
  authorization?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/**
 * An officer whose password matched but whose login still owes a step (second factor, a new
 * password, enrolment). Never a `caller`: only the procedures of that step admit it.
 */
export type PendingOfficer = OfficerCaller & { step: LoginStep };

export interface Context extends ApiDeps {
  caller: Caller | null;
  /** Set (and `caller` null) for a session that still owes a login step. */
  pending?: PendingOfficer | null;
  /** Why `caller` is null although a token was sent; thrown by protected procedures. */
  authError: ErrorCode | null;
  ip: string | null;
  userAgent: string | null;
}

/** Touch `last_seen_at` at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createContext(deps: ApiDeps, req: RequestInfo): Promise<Context> {
  // Every request decides with the versions adopted so far (policy/catalogue.ts).
  await refreshPolicyCatalogue(deps.db);
  const base = { ...deps, ip: req.ip ?? null, userAgent: req.userAgent ?? null };
  const token = bearerToken(req.authorization);
  if (!token) return { ...base, caller: null, authError: null };

  const tokenHash = hashToken(token);
  const cache = deps.sessionCache;
  // Taken before the read: an invalidation meanwhile keeps the row read out of the cache.
  const ticket = cache?.ticket() ?? 0;
  let session = cache?.get(tokenHash) ?? null;
  if (!session) {
    session = await readSession(deps.db, tokenHash);
    if (session) cache?.store(tokenHash, session, ticket);
  }
  if (!session || session.revokedAt) return { ...base, caller: null, authError: 'UNAUTHENTICATED' };
  const now = deps.now();
  if (session.expiresAt <= now) return { ...base, caller: null, authError: 'SESSION_EXPIRED' };
  const user = session.user;
  if (user.disabled) return { ...base, caller: null, authError: 'ACCOUNT_DISABLED' };
  // 注销: an old session of a cancelled account never comes back to life.
  if (user.cancelledAt) return { ...base, caller: null, authError: 'UNAUTHENTICATED' };

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await deps.db.prisma.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now },
      select: { id: true },
    });
    // The trigger does not announce a touch: the cached copy is brought up to date here.
    cache?.store(tokenHash, { ...session, lastSeenAt: now }, ticket);
  }

  if (user.kind === 'OFFICER' && user.role && user.username) {
    const areaCode = user.areaCode && isAreaCode(user.areaCode) ? user.areaCode : null;
    const officer: OfficerCaller = {
      kind: 'officer',
      userId: user.id,
      sessionId: session.id,
      username: user.username,
      displayName: user.displayName,
      role: roleFromDb(user.role),
      areaCode,
    };
    if (session.pendingStep !== null) {
      // Fail closed: an unknown step is treated as the strictest one.
      const step = (LOGIN_STEPS as readonly string[]).includes(session.pendingStep)
        ? (session.pendingStep as LoginStep)
        : 'second-factor';
      return { ...base, caller: null, authError: STEP_ERROR[step], pending: { ...officer, step } };
    }
    return { ...base, authError: null, caller: officer };
  }
  if (user.kind === 'APPLICANT' && user.openid) {
    return {
      ...base,
      authError: null,
      caller: { kind: 'applicant', userId: user.id, sessionId: session.id, openid: user.openid },
    };
  }
  return { ...base, caller: null, authError: 'UNAUTHENTICATED' };
}
