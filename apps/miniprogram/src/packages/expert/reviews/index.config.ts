export default definePageConfig({
  navigationBarTitleText: '评审任务',
  enablePullDownRefresh: true,
});
