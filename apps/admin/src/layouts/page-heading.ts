import type { InjectionKey, Ref } from 'vue';

/**
 * How many page-containers (each with the page's visible h1) the layout shows now. A page
 * without one still gets an h1 from the layout, for screen readers only, so every page has
 * exactly one.
 */
export const PAGE_HEADINGS: InjectionKey<Ref<number>> = Symbol('page-headings');
