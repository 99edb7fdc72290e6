export default definePageConfig({
  navigationBarTitleText: '项目变更申请',
});
