import type { AreaCode, OfficerRole } from '@kc/domain';

/** Who is calling: resolved from the bearer token once per request. */
export type Caller =
  | { kind: 'applicant'; userId: string; sessionId: string; openid: string }
  | {
      kind: 'officer';
      userId: string;
      sessionId: string;
      username: string;
      displayName: string;
      role: OfficerRole;
      /** Set for area officers: the only area they may see. */
      areaCode: AreaCode | null;
    };

export type OfficerCaller = Extract<Caller, { kind: 'officer' }>;
export type ApplicantCaller = Extract<Caller, { kind: 'applicant' }>;
