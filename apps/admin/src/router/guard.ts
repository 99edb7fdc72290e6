import type { Router } from 'vue-router';
import { mayOpenRoute } from '../access/route-access';
import { isSessionLost, messageOf, onSessionLost } from '../api/errors';
import { onSessionAdoptedLate, onSessionEndedInOtherTab } from '../api/session';
import { useAuthStore } from '../store/auth';
import { safeRedirect } from './redirect';
import { LOGIN_PATH } from './routes/core';

const TITLE = '宿州科创 · 管理后台';

export function setupGuard(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;

    const auth = useAuthStore();
    const toLogin = { path: LOGIN_PATH, query: { redirect: to.fullPath } };
    // A link opened in a new tab: take the session another tab of this browser holds.
    if (!auth.isLoggedIn && !(await auth.adoptFromOtherTab())) return toLogin;

    // After a reload the token survives in sessionStorage but the officer does not.
    if (!auth.officer) {
      try {
        await auth.fetchMe();
      } catch (error) {
        auth.clear();
        if (!isSessionLost(error)) ElMessage.error(messageOf(error));
        return toLogin;
      }
    }

    // A login that still owes a step (second factor, new password) continues on the login page.
    if (auth.pendingStep) return toLogin;

    if (!mayOpenRoute(to, auth.hasAccess)) {
      return { name: 'Forbidden' };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · ${TITLE}` : TITLE;
  });

  // Logged out in another tab: this tab's copy of the session is gone too.
  onSessionEndedInOtherTab(() => {
    useAuthStore().clear();
    const current = router.currentRoute.value;
    if (current.meta.public) return;
    ElMessage.warning('您已在其他标签页退出登录');
    void router.replace({ path: LOGIN_PATH, query: { redirect: current.fullPath } });
  });

  // The open tab answered after this one gave up waiting (it was busy): go on where the link led.
  onSessionAdoptedLate((token) => {
    const current = router.currentRoute.value;
    if (current.path !== LOGIN_PATH) return;
    useAuthStore().takeSharedToken(token);
    void router.replace(safeRedirect(current.query.redirect));
  });

  // Any API call can find the session gone (expired, or ended elsewhere).
  onSessionLost((message) => {
    useAuthStore().clear();
    const current = router.currentRoute.value;
    if (current.meta.public) return;
    ElMessage.warning(message);
    void router.replace({ path: LOGIN_PATH, query: { redirect: current.fullPath } });
  });
}
