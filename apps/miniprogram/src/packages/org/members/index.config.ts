export default definePageConfig({
  navigationBarTitleText: '单位成员',
  enablePullDownRefresh: true,
  // “发给同事”: an invitation code sent as a mini-program card (WeChat only).
  enableShareAppMessage: true,
});
