import type { Directive } from 'vue';
import { useAuthStore } from '../store/auth';

/**
 * `v-access="'organisation:view'"` (or an array of codes): the element is removed
 * when the officer lacks a code. For conditions in script, use `auth.hasAccess`.
 */
export const accessDirective: Directive<HTMLElement, string | readonly string[]> = {
  mounted(el, binding) {
    const codes = typeof binding.value === 'string' ? [binding.value] : binding.value;
    if (!useAuthStore().hasAccess(codes)) el.remove();
  },
};

declare module 'vue' {
  interface ComponentCustomProperties {
    vAccess: typeof accessDirective;
  }
}
