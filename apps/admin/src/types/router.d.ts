import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the menu, the breadcrumbs and the browser tab. */
    title?: string;
    /** Open without signing in (the login page). */
    public?: boolean;
    /** Every code is needed to open the route or see it in the menu. */
    accessCodes?: readonly string[];
    hideInMenu?: boolean;
    /** Menu position of a top-level module, smallest first. */
    order?: number;
  }
}
