import { createHash } from 'node:crypto';
import type { HtmlValue } from './html';
import { Html, html } from './html';

/** Where the pages live on the API host (apps/server registers them under it). */
export const PUBLIC_BASE = '/public';

/**
 * A public list's address with its filters: always the same parameter order, empty ones left out,
 * the first page not said, every value percent-encoded (the html template then escapes the `&`).
 */
function listPath(
  list: 'needs' | 'alliances',
  query: { kind?: string | null; fieldCode?: string | null; q?: string; page?: number },
): string {
  const params = new URLSearchParams();
  if (query.kind) params.set('kind', query.kind);
  if (query.fieldCode) params.set('field', query.fieldCode);
  if (query.q) params.set('q', query.q);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return `${PUBLIC_BASE}/${list}${search ? `?${search}` : ''}`;
}

export const paths = {
  index: PUBLIC_BASE,
  programme: (id: string) => `${PUBLIC_BASE}/programmes/${encodeURIComponent(id)}`,
  notices: `${PUBLIC_BASE}/notices`,
  notice: (id: string) => `${PUBLIC_BASE}/notices/${encodeURIComponent(id)}`,
  vpNotice: (id: string) => `${PUBLIC_BASE}/vp-notices/${encodeURIComponent(id)}`,
  /** The need board (需求榜), filtered and paged. */
  needs: (
    query: { kind?: string | null; fieldCode?: string | null; q?: string; page?: number } = {},
  ) => listPath('needs', query),
  need: (id: string) => `${PUBLIC_BASE}/needs/${encodeURIComponent(id)}`,
  /** 创新联盟 (plan 四.4): the registry of approved alliances, as the need board's address. */
  alliances: (query: { fieldCode?: string | null; q?: string; page?: number } = {}) =>
    listPath('alliances', query),
  alliance: (id: string) => `${PUBLIC_BASE}/alliances/${encodeURIComponent(id)}`,
  /** 政策征求意见: the drafts published for comments, and the answers once published. */
  consultations: `${PUBLIC_BASE}/consultations`,
  consultation: (id: string) => `${PUBLIC_BASE}/consultations/${encodeURIComponent(id)}`,
  /** 政策修订: each adopted amendment with its 修改对照表. */
  policyVersions: `${PUBLIC_BASE}/policy-versions`,
  policyVersion: (id: string) => `${PUBLIC_BASE}/policy-versions/${encodeURIComponent(id)}`,
};

const SITE = '宿州市科学技术局 · 科技创新政策公开';

/**
 * One small stylesheet, inline (no second request, no JavaScript). Colours keep ≥ 4.5:1 on
 * their backgrounds; below 640 px tables become one card per row; print drops the chrome.
 */
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
a{color:#0a4a9e}
a:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.wrap{max-width:960px;margin:0 auto;padding:0 16px}
.site{background:#0b3d91;color:#fff}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:4px 16px;padding-top:10px;padding-bottom:10px}
.site a{color:#fff}
.site-name{margin:0;font-weight:700}
.site-name a{text-decoration:none}
.site ul{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:0;list-style:none}
.site a[aria-current=page]{text-decoration-thickness:3px}
main{padding-top:8px;padding-bottom:32px}
h1{font-size:1.5rem;line-height:1.4;margin:20px 0 12px}
h2{font-size:1.2rem;margin:28px 0 8px}
.meta{color:#4a5568}
.tag{display:inline-block;padding:0 8px;border-radius:4px;font-size:.875rem;white-space:nowrap}
.tag-running{background:#e6f4ea;color:#1e5b2e}
.tag-over{background:#fff4e0;color:#6b3d00}
.tag-closed{background:#edf0f3;color:#333}
.tag-kind{background:#e8eef7;color:#0b3d91}
.tabs{display:flex;flex-wrap:wrap;gap:4px 16px;margin:8px 0;padding:0;list-style:none}
.tabs a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
form.filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px 16px;margin:8px 0 16px}
form.filters label{display:flex;flex-direction:column;font-size:.875rem;color:#4a5568;max-width:100%}
form.filters input,form.filters select{font:inherit;color:#1a1a1a;background:#fff;border:1px solid #6b7785;border-radius:4px;padding:4px 8px;max-width:100%}
form.filters button{font:inherit;color:#fff;background:#0b3d91;border:0;border-radius:4px;padding:5px 16px;cursor:pointer}
form.filters :focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.pager{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;margin:16px 0}
dl.fields{display:grid;grid-template-columns:9em 1fr;gap:6px 16px;margin:8px 0}
dl.fields dt{color:#4a5568;font-weight:700}
dl.fields dd{margin:0}
.prose{white-space:pre-line}
.box{border:1px solid #c8d1dc;border-radius:6px;padding:12px 16px;margin:16px 0;background:#f7f9fc}
.box>:first-child{margin-top:0}
ul.cards{list-style:none;padding:0;margin:0}
ul.cards li{border-bottom:1px solid #dde3ea;padding:10px 0}
table.list{width:100%;border-collapse:collapse;margin:8px 0}
table.list th,table.list td{border:1px solid #c8d1dc;padding:6px 8px;text-align:left;vertical-align:top}
table.list th{background:#e8eef7}
table.list td.num,table.list th.num{text-align:right;white-space:nowrap}
table.list tfoot td{font-weight:700}
.print-hint{color:#4a5568;font-size:.875rem}
footer{border-top:1px solid #dde3ea;color:#4a5568;font-size:.875rem;padding-top:12px;padding-bottom:24px}
@media screen and (max-width:640px){
dl.fields{grid-template-columns:1fr;gap:0}
dl.fields dd{margin-bottom:8px}
table.list thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.list,table.list tbody,table.list tfoot,table.list tr,table.list td{display:block;width:100%}
table.list tr{border:1px solid #c8d1dc;border-radius:6px;margin:0 0 12px}
table.list td,table.list td.num{display:flex;gap:8px;border:0;border-bottom:1px solid #e5e9ef;text-align:left;white-space:normal}
table.list td:empty{display:none}
table.list td:not([data-label])::before{display:none}
table.list td::before{content:attr(data-label);flex:0 0 7em;color:#4a5568;font-weight:700}
}
@media print{
body{font-size:11pt;color:#000}
.site,footer,.print-hint,.crumbs,form.filters,.tabs,.pager{display:none}
.meta{color:#000}
a{color:#000;text-decoration:none}
.box{background:none;border-color:#000}
table.list th,table.list td{border-color:#000}
table.list th{background:none}
.tag{border:1px solid #000;background:none;color:#000}
h1{text-align:center}
}
`.trim();

/**
 * Our own constant, so it goes in as written (escaping would break its quotes), as one whole
 * element: whitespace around the CSS would no longer match the hash below.
 */
const STYLE_ELEMENT = new Html(`<style>${CSS}</style>`);

/** For the Content-Security-Policy: the one inline stylesheet, and no script at all. */
export const STYLE_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;

export const PUBLIC_CSP = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "base-uri 'none'",
  // The need board's search is a GET form to itself; nothing else posts anywhere.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export type Section = 'index' | 'notices' | 'needs' | 'alliances' | 'consultations' | null;

function navLink(href: string, label: string, current: boolean): Html {
  return current
    ? html`<li><a href="${href}" aria-current="page">${label}</a></li>`
    : html`<li><a href="${href}">${label}</a></li>`;
}

/** A whole page: one `h1` comes from `body`; the header carries the site name as text, not a heading. */
export function page(opts: { title: string; section: Section; body: HtmlValue }): string {
  return `<!doctype html>\n${
    html`<html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title} - ${SITE}</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <header class="site">
          <div class="wrap">
            <p class="site-name"><a href="${paths.index}">${SITE}</a></p>
            <nav aria-label="主导航">
              <ul>
                ${navLink(paths.index, '政策与申报指南', opts.section === 'index')}
                ${navLink(paths.notices, '公示公告', opts.section === 'notices')}
                ${navLink(paths.needs(), '需求榜', opts.section === 'needs')}
                ${navLink(paths.alliances(), '创新联盟', opts.section === 'alliances')}
                ${navLink(paths.consultations, '征求意见', opts.section === 'consultations')}
              </ul>
            </nav>
          </div>
        </header>
        <main class="wrap">${opts.body}</main>
        <footer class="wrap">
          <p>宿州市科学技术局。本页面内容依据宿州市科技创新政策公开发布，供公众查阅。</p>
        </footer>
      </body>
    </html>`.value
  }\n`;
}
