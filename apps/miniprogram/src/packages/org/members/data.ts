import Taro from '@tarojs/taro';
import type { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { leaveIfLoggedOut, toast, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';

export type Roster = Awaited<ReturnType<typeof api.myOrg.members.list.query>>;
export type Member = Roster['members'][number];
export type OpenInvite = Awaited<ReturnType<typeof api.myOrg.members.invites.query>>[number];
export type CreatedInvite = Awaited<ReturnType<typeof api.myOrg.members.invite.mutate>>;
export type LinkRequest = Awaited<
  ReturnType<typeof api.myOrg.researcherLinks.pending.query>
>[number];
export type ActivityPage = Awaited<ReturnType<typeof api.myOrg.members.activity.query>>;

/**
 * One change of people, asked first: the person reads what will happen, confirms, and sees the
 * result or the reason it was refused (the last administrator, a code already used…).
 */
export async function confirmThen(options: {
  title: string;
  content: string;
  confirmText?: string;
  run: () => Promise<unknown>;
  done: string;
  onDone: () => void;
}): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: options.title,
    content: options.content,
    ...(options.confirmText ? { confirmText: options.confirmText } : {}),
  });
  if (!confirm) return;
  try {
    await withSession(options.run);
    void toastDone(options.done);
    options.onDone();
  } catch (error) {
    if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
  }
}

/** `ABCD EFGH`: easier to read out and to type. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** The QR as an image source; WeChat's image and browsers both take an SVG data URI. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
