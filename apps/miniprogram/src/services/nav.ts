import Taro from '@tarojs/taro';
import { LoginRequiredError } from './session';

/** Page routes in one place; reLaunch drops the back stack where going back makes no sense. */
export const routes = {
  login: '/pages/login/index',
  register: '/pages/register/index',
  profile: '/pages/profile/index',
} as const;

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

export function toast(title: string) {
  return Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/** Someone who never logged in (or logged out) is sent to the login page; true if so. */
export function leaveIfLoggedOut(error: unknown): boolean {
  if (!(error instanceof LoginRequiredError)) return false;
  void goLogin();
  return true;
}
