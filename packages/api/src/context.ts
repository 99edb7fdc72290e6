import type { Db } from '@kc/db';
import type { ErrorCode } from '@kc/domain';
import { isAreaCode } from '@kc/domain';
import type { WeChatClient } from './auth/wechat';
import type { FileStore } from './files/store';
import { bearerToken, hashToken } from './auth/tokens';
import type { Caller } from './caller';
import type { ApiConfig } from './config';
import type { Logger } from './logger';
import { roleFromDb } from './mappers';

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
}

/** What the API needs to know about an HTTP request, whatever the adapter. */
export interface RequestInfo {
  authorization?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export interface Context extends ApiDeps {
  caller: Caller | null;
  /** Why `caller` is null although a token was sent; thrown by protected procedures. */
  authError: ErrorCode | null;
  ip: string | null;
  userAgent: string | null;
}

/** Touch `last_seen_at` at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createContext(deps: ApiDeps, req: RequestInfo): Promise<Context> {
  const base = { ...deps, ip: req.ip ?? null, userAgent: req.userAgent ?? null };
  const token = bearerToken(req.authorization);
  if (!token) return { ...base, caller: null, authError: null };

  const session = await deps.db.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!session || session.revokedAt) return { ...base, caller: null, authError: 'UNAUTHENTICATED' };
  const now = deps.now();
  if (session.expiresAt <= now) return { ...base, caller: null, authError: 'SESSION_EXPIRED' };
  const user = session.user;
  if (user.disabled) return { ...base, caller: null, authError: 'ACCOUNT_DISABLED' };

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await deps.db.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }

  if (user.kind === 'OFFICER' && user.role && user.username) {
    const areaCode = user.areaCode && isAreaCode(user.areaCode) ? user.areaCode : null;
    return {
      ...base,
      authError: null,
      caller: {
        kind: 'officer',
        userId: user.id,
        sessionId: session.id,
        username: user.username,
        displayName: user.displayName,
        role: roleFromDb(user.role),
        areaCode,
      },
    };
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
