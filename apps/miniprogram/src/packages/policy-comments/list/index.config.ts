export default definePageConfig({
  navigationBarTitleText: '政策征求意见',
  enablePullDownRefresh: true,
});
