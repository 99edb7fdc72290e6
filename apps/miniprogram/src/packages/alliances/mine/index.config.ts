export default definePageConfig({
  navigationBarTitleText: '我的创新联盟',
  enablePullDownRefresh: true,
});
