import { TRPCClientError } from '@trpc/client';
import type { Officer } from '../src/store/auth';

/** An error as the API sends it: a Chinese message and a stable `data.appCode`. */
export function apiError(appCode: string, message: string) {
  return TRPCClientError.from({ error: { code: -32001, message, data: { appCode } } });
}

export const officers = {
  admin: { id: 'u-admin', displayName: '张局', role: 'bureau-admin', areaCode: null },
  yongqiao: { id: 'u-yq', displayName: '李科长', role: 'area-officer', areaCode: 'yongqiao' },
} satisfies Record<string, Officer>;
