export default definePageConfig({
  navigationBarTitleText: '免申即享',
  enablePullDownRefresh: true,
});
