/** A WeChat server API refused or could not be reached; `errcode` is WeChat's own, if any. */
export class WeChatError extends Error {
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
    this.name = 'WeChatError';
  }
}
