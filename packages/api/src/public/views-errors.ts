import { html } from './html';
import { page, paths } from './layout';

/** Unknown address or record (including a notice that is not published): status 404. */
export function notFoundPage(): string {
  return page({
    title: '页面不存在',
    section: null,
    body: html`<h1>页面不存在</h1>
      <p>您访问的页面不存在，或该公示、需求尚未发布（或已关闭）。</p>
      <p>
        <a href="${paths.index}">返回政策与申报指南</a>
      </p>
      <p><a href="${paths.notices}">查看公示公告</a></p>
      <p><a href="${paths.needs()}">查看需求榜</a></p>`,
  });
}

/** Anything unexpected: status 500, in the same words as the rest of the site. */
export function errorPage(): string {
  return page({
    title: '暂时无法访问',
    section: null,
    body: html`<h1>暂时无法访问</h1>
      <p>服务暂时出现问题，请稍后再试。</p>
      <p><a href="${paths.index}">返回政策与申报指南</a></p>`,
  });
}
