import { VueQueryPlugin } from '@tanstack/vue-query';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { wasReported } from './api/errors';
import { createQueryClient } from './api/query';
import { accessDirective } from './access/directive';
import App from './App.vue';
import { createAppRouter } from './router';
import './styles.css';
// One layout rule for every detail card (el-descriptions): fixed label width, wrapping values.
import './styles/descriptions.css';
// No animation for an officer whose system asks for less motion.
import './styles/motion.css';

const app = createApp(App);
app.use(createPinia());
app.use(VueQueryPlugin, { queryClient: createQueryClient() });
app.use(createAppRouter());
app.directive('access', accessDirective);

// API errors have been shown by the API layer already; anything else gets a
// generic message instead of failing silently.
app.config.errorHandler = (error) => {
  if (wasReported(error)) return;
  console.error(error);
  ElMessage.error('页面出错了，请刷新后重试');
};

app.mount('#app');

// A rejected API call nobody awaited was already shown to the officer.
window.addEventListener('unhandledrejection', (event) => {
  if (wasReported(event.reason)) event.preventDefault();
});
