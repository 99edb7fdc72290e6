import type { RouteRecordRaw } from 'vue-router';
import { hasAccessByCodes } from '../access/codes';

export interface MenuItem {
  path: string;
  title: string;
  children?: MenuItem[];
}

function join(parent: string, path: string): string {
  if (path.startsWith('/')) return path;
  if (path === '') return parent;
  return `${parent.replace(/\/$/, '')}/${path}`;
}

/**
 * The side menu for an officer holding `codes`: routes they cannot open are left
 * out, and so is a group whose every entry was left out.
 */
export function buildMenus(
  routes: readonly RouteRecordRaw[],
  codes: readonly string[],
  parent = '/',
): MenuItem[] {
  const items: MenuItem[] = [];
  for (const route of routes) {
    const meta = route.meta ?? {};
    if (meta.hideInMenu || !meta.title) continue;
    if (!hasAccessByCodes(codes, meta.accessCodes)) continue;
    const path = join(parent, route.path);
    if (route.children?.length) {
      const children = buildMenus(route.children, codes, path);
      if (children.length === 0) continue;
      items.push({ path, title: meta.title, children });
    } else {
      items.push({ path, title: meta.title });
    }
  }
  return items;
}
