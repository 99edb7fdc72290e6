import { QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import { flushPromises, mount } from '@vue/test-utils';
import { ElConfigProvider } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { accessDirective } from '../src/access/directive';
import { routes } from '../src/router/routes';
import type { Officer } from '../src/store/auth';
import { useAuthStore } from '../src/store/auth';

/**
 * Mounts a page or component the way the app runs it: signed in as `officer`, with the query
 * cache, the router (at `path`), the access directive and Element Plus in Chinese.
 */
export async function mountAs(
  officer: Officer,
  component: Component,
  options: { props?: Record<string, unknown>; path?: string } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const auth = useAuthStore();
  auth.token = 'token';
  auth.officer = officer;
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(options.path ?? '/workbench');
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const wrapper = mount(
    () => h(ElConfigProvider, { locale: zhCn }, () => h(component, options.props ?? {})),
    {
      global: {
        plugins: [pinia, router, [VueQueryPlugin, { queryClient }]],
        directives: { access: accessDirective },
      },
      attachTo: document.body,
    },
  );
  await flushPromises();
  return { wrapper, router, queryClient };
}

export const more = {
  reviewer: { id: 'u-rev', displayName: '王审核', role: 'bureau-reviewer', areaCode: null },
  finance: { id: 'u-fin', displayName: '赵财务', role: 'finance-officer', areaCode: null },
} satisfies Record<string, Officer>;
