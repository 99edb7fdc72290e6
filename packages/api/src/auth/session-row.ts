import type { Db, OfficerRole as DbOfficerRole, UserKind } from '@kc/db';

/** What `createContext` needs of a session and its user: the cached value (session-cache.ts). */
export interface SessionRow {
  id: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date;
  pendingStep: string | null;
  user: {
    id: string;
    kind: UserKind;
    role: DbOfficerRole | null;
    areaCode: string | null;
    username: string | null;
    displayName: string;
    openid: string | null;
    disabled: boolean;
    cancelledAt: Date | null;
  };
}

type Flat = Omit<SessionRow, 'user'> & {
  [K in keyof SessionRow['user'] as `u_${K}`]: SessionRow['user'][K];
};

/**
 * The session of a token hash with its user, in one statement (Prisma's `include` sends two, and
 * its join strategy is still a preview feature).
 */
export async function readSession(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const rows = await db.prisma.$queryRaw<Flat[]>`
    SELECT s.id::text AS "id", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt",
           s.last_seen_at AS "lastSeenAt", s.pending_step AS "pendingStep",
           u.id::text AS "u_id", u.kind::text AS "u_kind", u.role::text AS "u_role",
           u.area_code AS "u_areaCode", u.username AS "u_username",
           u.display_name AS "u_displayName", u.openid AS "u_openid", u.disabled AS "u_disabled",
           u.cancelled_at AS "u_cancelledAt"
    FROM "session" s JOIN "user" u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash}`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    lastSeenAt: r.lastSeenAt,
    pendingStep: r.pendingStep,
    user: {
      id: r.u_id,
      kind: r.u_kind,
      role: r.u_role,
      areaCode: r.u_areaCode,
      username: r.u_username,
      displayName: r.u_displayName,
      openid: r.u_openid,
      disabled: r.u_disabled,
      cancelledAt: r.u_cancelledAt,
    },
  };
}
