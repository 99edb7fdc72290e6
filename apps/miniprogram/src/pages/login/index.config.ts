export default definePageConfig({
  navigationBarTitleText: '宿州科创',
});
