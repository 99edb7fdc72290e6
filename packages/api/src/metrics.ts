import type { ErrorCode } from '@kc/domain';

/**
 * What the API reports for metrics. The server implements it with prom-client (apps/server
 * src/metrics.ts); the API only calls it, so it stays free of any metrics library. Absent in
 * tests and wherever nobody scrapes.
 */
export interface ApiMetrics {
  /** One procedure call ended; each call of a batch is reported on its own. */
  procedure(call: ProcedureCall): void;
  /** A login was refused: a wrong password or code, an unknown name, a throttled attempt. */
  loginFailed(kind: LoginKind, reason: string): void;
}

export interface ProcedureCall {
  /** The procedure's path (`auth.officerLogin`): only paths that exist reach a procedure. */
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  durationMs: number;
  /** Null when it succeeded; else the `appCode` the client was sent. */
  appCode: ErrorCode | null;
  /** The error object itself, so the server does not count it a second time in onError. */
  error: unknown;
}

/** Officers: password, second factor, throttled; applicants: a refused WeChat login code. */
export type LoginKind = 'officer' | 'applicant';
