/** Types of render.mjs, for tooling/stack (TypeScript). */
export interface SiteHost {
  host: string;
  root: string;
  /** listen value of the HTTPS server: 443, or host:port */
  https: string;
  /** listen value of its http → https redirect */
  http: string;
}
export interface SiteOptions {
  api: string[];
  admin: SiteHost;
  h5: SiteHost;
  cert: string;
  key: string;
  fileMaxMb: number;
  accessLog?: string;
  fakeWeChat?: string;
}
export const TEMPLATE: string;
export function inlineScriptHashes(html: string): string[];
export function staticSecurityHeaders(root: string): Record<string, string>;
export function renderSite(options: SiteOptions): string;
export function renderStandalone(options: {
  prefix: string;
  site: string;
  accessLog?: string;
}): string;
export const RATE_LIMITED: {
  retryAfterSeconds: number;
  message: string;
  readonly trpcBody: string;
  readonly filesBody: string;
};
