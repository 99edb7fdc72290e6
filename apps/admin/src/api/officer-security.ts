import { trpc } from './client';
import type { RouterInputs, RouterOutputs } from './types';

/**
 * 我的账号 and the login steps (second factor, forced password change). The step screens show
 * the server's words themselves (silent: no toast over the form).
 */
export type PasswordChangeInput = RouterInputs['officerSecurity']['changePassword'];
export type Enrolment = RouterOutputs['officerSecurity']['startEnrolment'];
export type SecurityStatus = RouterOutputs['officerSecurity']['status'];
export type OwnSession = RouterOutputs['officerSecurity']['sessions'][number];
export type SecondFactorDisableInput = RouterInputs['officerSecurity']['disableSecondFactor'];

const silent = { context: { silent: true } };

export const securityStatus = () => trpc.officerSecurity.status.query(undefined, silent);
export const changePassword = (input: PasswordChangeInput) =>
  trpc.officerSecurity.changePassword.mutate(input, silent);
export const startEnrolment = () => trpc.officerSecurity.startEnrolment.mutate(undefined, silent);
export const confirmEnrolment = (code: string) =>
  trpc.officerSecurity.confirmEnrolment.mutate({ code }, silent);
export const verifyCode = (code: string) => trpc.officerSecurity.verify.mutate({ code }, silent);
export const verifyRecoveryCode = (code: string) =>
  trpc.officerSecurity.verifyRecoveryCode.mutate({ code }, silent);
export const regenerateRecoveryCodes = (code: string) =>
  trpc.officerSecurity.regenerateRecoveryCodes.mutate({ code }, silent);
export const disableSecondFactor = (input: SecondFactorDisableInput) =>
  trpc.officerSecurity.disableSecondFactor.mutate(input, silent);
export const ownSessions = () => trpc.officerSecurity.sessions.query();
export const endOwnSession = (id: string) => trpc.officerSecurity.endSession.mutate({ id });
export const endOtherSessions = () => trpc.officerSecurity.endOtherSessions.mutate();
export const resetSecondFactor = (id: string) =>
  trpc.officerSecurity.resetSecondFactor.mutate({ id });
