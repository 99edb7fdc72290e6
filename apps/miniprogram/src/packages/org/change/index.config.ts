export default definePageConfig({
  navigationBarTitleText: '变更申请',
  enablePullDownRefresh: true,
});
