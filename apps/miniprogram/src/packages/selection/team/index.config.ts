export default definePageConfig({
  navigationBarTitleText: '合作申报确认',
  enablePullDownRefresh: true,
});
