import { createRouter, createWebHistory } from 'vue-router';
import { setupGuard } from './guard';
import { routes } from './routes';

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });
  setupGuard(router);
  return router;
}
