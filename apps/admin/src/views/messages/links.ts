import type { RouteLocationRaw } from 'vue-router';

export interface MessageLink {
  page: string;
  id: string;
}

/**
 * Where an officer's message leads in the admin: the page that shows its record. Links written
 * for applicants (their mini-program pages) have no admin page and open nothing.
 */
export function messageRoute(link: MessageLink | null | undefined): RouteLocationRaw | null {
  if (!link) return null;
  switch (link.page) {
    case 'notice-batch':
      return { name: 'NoticeDetail', params: { id: link.id } };
    case 'application':
      return { name: 'ApplicationDetail', params: { id: link.id } };
    case 'data-export':
      return { name: 'MyExports', query: { id: link.id } };
    case 'project':
      return { name: 'SelectionProject', params: { id: link.id } };
    default:
      return null;
  }
}
