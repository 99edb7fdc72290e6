export default definePageConfig({
  navigationBarTitleText: '政策申报',
  enablePullDownRefresh: true,
});
