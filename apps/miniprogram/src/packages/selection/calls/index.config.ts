export default definePageConfig({
  navigationBarTitleText: '申报指南',
  enablePullDownRefresh: true,
});
