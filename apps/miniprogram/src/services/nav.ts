import Taro from '@tarojs/taro';
import { LoginRequiredError } from './session';

/** Page routes in one place; reLaunch drops the back stack where going back makes no sense. */
export const routes = {
  login: '/pages/login/index',
  register: '/pages/register/index',
  programmes: '/pages/programmes/index',
  applications: '/pages/applications/index',
  messages: '/pages/messages/index',
  profile: '/pages/profile/index',
  programme: '/packages/apply/programme/index',
  applicationForm: '/packages/apply/form/index',
  application: '/packages/apply/detail/index',
  vpHome: '/packages/vp/home/index',
  vpNeed: '/packages/vp/need/index',
  vpCandidate: '/packages/vp/candidate/index',
  vpSecondment: '/packages/vp/secondment/index',
  orgVerify: '/packages/org/verify/index',
  orgChange: '/packages/org/change/index',
  orgClaim: '/packages/org/claim/index',
  orgMembers: '/packages/org/members/index',
  orgJoin: '/packages/org/join/index',
  orgBank: '/packages/org/bank/index',
  orgDocuments: '/packages/org/documents/index',
  orgInvitations: '/packages/org/invitations/index',
  privacy: '/packages/me/privacy/index',
  expert: '/packages/expert/profile/index',
  reviews: '/packages/expert/reviews/index',
  reviewPanel: '/packages/expert/panel/index',
  reviewScore: '/packages/expert/score/index',
  reviewAcceptance: '/packages/expert/acceptance/index',
  selectionCalls: '/packages/selection/calls/index',
  selectionCall: '/packages/selection/call/index',
  selectionSubmission: '/packages/selection/submission/index',
  selectionTeam: '/packages/selection/team/index',
  myProjects: '/packages/projects/mine/index',
  project: '/packages/projects/detail/index',
  projectReport: '/packages/projects/report/index',
  projectChange: '/packages/projects/change/index',
  myNeeds: '/packages/needs/mine/index',
  myNeed: '/packages/needs/detail/index',
  needPost: '/packages/needs/post/index',
  needBoard: '/packages/needs/board/index',
  boardNeed: '/packages/needs/item/index',
  needRespond: '/packages/needs/respond/index',
  myAlliances: '/packages/alliances/mine/index',
  myAlliance: '/packages/alliances/detail/index',
  allianceForm: '/packages/alliances/form/index',
  allianceRegistry: '/packages/alliances/board/index',
  publicAlliance: '/packages/alliances/item/index',
  consultations: '/packages/policy-comments/list/index',
  consultation: '/packages/policy-comments/detail/index',
  consultationComment: '/packages/policy-comments/comment/index',
  myComments: '/packages/policy-comments/mine/index',
} as const;

/** The four bottom tabs: switching replaces the page, like a tab bar. */
export type TabKey = 'programmes' | 'applications' | 'messages' | 'profile';

export function goTab(tab: TabKey) {
  return Taro.reLaunch({ url: routes[tab] });
}

export function goLogin() {
  return Taro.reLaunch({ url: routes.login });
}

export function goRegister() {
  return Taro.reLaunch({ url: routes.register });
}

/** Editing keeps the profile page underneath, so “back” returns to it. */
export function goEditProfile() {
  return Taro.navigateTo({ url: `${routes.register}?edit=1` });
}

export function goProfile() {
  return Taro.reLaunch({ url: routes.profile });
}

export function goHome() {
  return Taro.reLaunch({ url: routes.programmes });
}

/** Opens a page on top of the current one; ids only in the query, never personal data. */
export function open(route: string, query: Query = {}) {
  return Taro.navigateTo({ url: withQuery(route, query) });
}

/** Replaces the current page (after a form is done, “back” should not return to it). */
export function replace(route: string, query: Query = {}) {
  return Taro.redirectTo({ url: withQuery(route, query) });
}

/** Back if there is a page underneath, otherwise to the given tab. */
export function back(fallback: TabKey = 'programmes') {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack();
  return goTab(fallback);
}

export function toast(title: string) {
  return Taro.showToast({ title, icon: 'none', duration: 2500 });
}

export function toastDone(title: string) {
  return Taro.showToast({ title, icon: 'success', duration: 1500 });
}

/** Someone who never logged in (or logged out) is sent to the login page; true if so. */
export function leaveIfLoggedOut(error: unknown): boolean {
  if (!(error instanceof LoginRequiredError)) return false;
  void goLogin();
  return true;
}

type Query = Record<string, string | undefined>;

/** WeChat's JS runtime has no URLSearchParams. */
export function withQuery(route: string, query: Query): string {
  const qs = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${route}?${qs}` : route;
}
