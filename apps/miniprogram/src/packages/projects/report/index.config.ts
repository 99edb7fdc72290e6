export default definePageConfig({
  navigationBarTitleText: '项目报告',
});
