export default definePageConfig({
  navigationBarTitleText: '评审申报',
  enablePullDownRefresh: true,
});
