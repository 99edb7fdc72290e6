export default definePageConfig({
  navigationBarTitleText: '指南详情',
  enablePullDownRefresh: true,
});
