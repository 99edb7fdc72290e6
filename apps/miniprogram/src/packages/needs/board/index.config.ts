export default definePageConfig({
  navigationBarTitleText: '需求榜',
  enablePullDownRefresh: true,
});
