export default definePageConfig({
  navigationBarTitleText: '科技副总履职',
  enablePullDownRefresh: true,
});
