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
  displayName: string;
  role: string;
  areaCode: string | null;
}

export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(getToken());
  const officer = ref<Officer | null>(null);

  const accessCodes = computed(() => accessCodesForRole(officer.value?.role));
  const isLoggedIn = computed(() => token.value !== null);

  function hasAccess(codes: readonly string[] | undefined): boolean {
    return hasAccessByCodes(accessCodes.value, codes);
  }

  async function login(username: string, password: string): Promise<void> {
    const result = await authApi.officerLogin({ username, password });
    setToken(result.token);
    token.value = result.token;
    officer.value = toOfficer(result.officer);
  }

  /** Loads the signed-in officer; throws when the token is no longer valid. */
  async function fetchMe(): Promise<Officer> {
    const me = await authApi.me();
    const found = officerOf(me);
    // A mini-program (applicant) token is valid but does not open the admin.
    if (!found) throw new UserFacingError('该账号不是管理人员，不能登录管理后台');
    officer.value = found;
    return found;
  }

  /** A new tab takes the session of another open tab of this browser; false when there is none. */
  async function adoptFromOtherTab(): Promise<boolean> {
    const shared = await adoptTokenFromOtherTab();
    if (shared) token.value = shared;
    return shared !== null;
  }

  /** Forgets the session locally (the server may already have ended it). */
  function clear(): void {
    clearToken();
    token.value = null;
    officer.value = null;
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
    accessCodes,
    isLoggedIn,
    hasAccess,
    login,
    fetchMe,
    adoptFromOtherTab,
    clear,
    logout,
  };
});

function toOfficer(o: Officer): Officer {
  return { id: o.id, displayName: o.displayName, role: o.role, areaCode: o.areaCode ?? null };
}

/** `auth.me` answers for applicants and officers alike; the admin accepts officers only. */
function officerOf(me: authApi.Me): Officer | null {
  return me.kind === 'officer' ? toOfficer(me) : null;
}
