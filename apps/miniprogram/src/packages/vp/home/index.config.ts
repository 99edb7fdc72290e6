export default definePageConfig({
  navigationBarTitleText: '科技副总',
  enablePullDownRefresh: true,
});
