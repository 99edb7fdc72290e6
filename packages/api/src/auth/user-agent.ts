/**
 * A session's device in words an officer recognises (我的会话): “Windows 电脑 · Chrome 浏览器”.
 * Only a hint for telling sessions apart; the user agent is whatever the client says.
 */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return '未知设备';
  const system =
    /MicroMessenger/i.test(ua) && /Android|iPhone/i.test(ua)
      ? /iPhone/i.test(ua)
        ? 'iPhone 手机'
        : '安卓手机'
      : /iPad/i.test(ua)
        ? 'iPad 平板'
        : /iPhone/i.test(ua)
          ? 'iPhone 手机'
          : /Android/i.test(ua)
            ? /Mobile/i.test(ua)
              ? '安卓手机'
              : '安卓平板'
            : /Windows/i.test(ua)
              ? 'Windows 电脑'
              : /Mac OS X|Macintosh/i.test(ua)
                ? 'Mac 电脑'
                : /Linux/i.test(ua)
                  ? 'Linux 电脑'
                  : '未知设备';
  const browser = /MicroMessenger/i.test(ua)
    ? '微信'
    : /Edg\//.test(ua)
      ? 'Edge 浏览器'
      : /Firefox\//.test(ua)
        ? 'Firefox 浏览器'
        : /QQBrowser/i.test(ua)
          ? 'QQ 浏览器'
          : /360SE|360EE/i.test(ua)
            ? '360 浏览器'
            : /Chrome\/|Chromium\//.test(ua)
              ? 'Chrome 浏览器'
              : /Safari\//.test(ua)
                ? 'Safari 浏览器'
                : /node|undici|curl/i.test(ua)
                  ? '程序调用'
                  : '其他浏览器';
  return `${system} · ${browser}`;
}
