export default definePageConfig({
  navigationBarTitleText: '认领申诉',
  enablePullDownRefresh: true,
});
