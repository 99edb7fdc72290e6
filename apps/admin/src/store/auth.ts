import type { LoginStep } from '@kc/domain';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { accessCodesForRole, hasAccessByCodes } from '../access/codes';
import * as authApi from '../api/auth';
import { UserFacingError } from '../api/errors';
import {
  adoptTokenFromOtherTab,
  clearToken,
  endSessionInAllTabs,
  getToken,
  setToken,
} from '../api/session';

export interface Officer {
  id: string;
  /** the login name (the password policy refuses passwords containing it) */
  username?: string;
  displayName: string;
  role: string;
  areaCode: string | null;
}

export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(getToken());
  const officer = ref<Officer | null>(null);
  /** What the login still owes (second factor, new password, enrolment); null: signed in. */
  const pendingStep = ref<LoginStep | null>(null);

  const accessCodes = computed(() => accessCodesForRole(officer.value?.role));
  const isLoggedIn = computed(() => token.value !== null);

  function hasAccess(codes: readonly string[] | undefined): boolean {
    return hasAccessByCodes(accessCodes.value, codes);
  }

  /** Signs in with the password; returns the step the server still asks for, if any. */
  async function login(username: string, password: string): Promise<LoginStep | null> {
    const result = await authApi.officerLogin({ username, password });
    setToken(result.token);
    token.value = result.token;
    officer.value = toOfficer(result.officer);
    pendingStep.value = result.pendingStep ?? null;
    return pendingStep.value;
  }

  /** Loads the signed-in officer; throws when the token is no longer valid. */
  async function fetchMe(): Promise<Officer> {
    const me = await authApi.me();
    const found = officerOf(me);
    // A mini-program (applicant) token is valid but does not open the admin.
    if (!found) throw new UserFacingError('该账号不是管理人员，不能登录管理后台');
    officer.value = found;
    pendingStep.value = me.kind === 'officer' ? (me.pendingStep ?? null) : null;
    return found;
  }

  /** A new tab takes the session of another open tab of this browser; false when there is none. */
  async function adoptFromOtherTab(): Promise<boolean> {
    const shared = await adoptTokenFromOtherTab();
    if (shared) token.value = shared;
    return shared !== null;
  }

  /** Takes a token another tab handed over late (the guard had already sent this tab to login). */
  function takeSharedToken(shared: string): void {
    token.value = shared;
  }

  /** Forgets the session locally (the server may already have ended it). */
  function clear(): void {
    clearToken();
    token.value = null;
    officer.value = null;
    pendingStep.value = null;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } catch {
      // The session is ended locally whatever the server says.
    } finally {
      // Every tab of this browser holding the session forgets it too.
      endSessionInAllTabs();
      clear();
    }
  }

  return {
    token,
    officer,
    pendingStep,
    accessCodes,
    isLoggedIn,
    hasAccess,
    login,
    fetchMe,
    adoptFromOtherTab,
    takeSharedToken,
    clear,
    logout,
  };
});

function toOfficer(o: Officer): Officer {
  return {
    id: o.id,
    ...(o.username ? { username: o.username } : {}),
    displayName: o.displayName,
    role: o.role,
    areaCode: o.areaCode ?? null,
  };
}

/** `auth.me` answers for applicants and officers alike; the admin accepts officers only. */
function officerOf(me: authApi.Me): Officer | null {
  return me.kind === 'officer' ? toOfficer(me) : null;
}
