/**
 * WeChat has no address bar and no reload: reopening a draft goes through the offer on the
 * programme's form (or 我的申请). The browser build has draft-url.h5.ts.
 */
export function showDraftInUrl(_id: string): void {}
