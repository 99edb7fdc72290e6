import type { SubscribeMessage, WeChatClient } from '../../src/auth/wechat';

/** A WeChat client the job tests use for subscribe messages only; logins are never called. */
export function subscribeOnlyWeChat(send: WeChatClient['sendSubscribeMessage']): WeChatClient {
  return {
    code2Session: () => Promise.reject(new Error('unused')),
    phoneNumber: () => Promise.reject(new Error('unused')),
    sendSubscribeMessage: send,
  };
}

/** WeChat accepting every message, recording it in `sent`. */
export function acceptingWeChat(sent: SubscribeMessage[]): WeChatClient {
  return subscribeOnlyWeChat(async (message) => {
    sent.push(message);
    return { errcode: 0, errmsg: 'ok' };
  });
}
