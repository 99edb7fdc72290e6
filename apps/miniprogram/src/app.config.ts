export default defineAppConfig({
  pages: ['pages/login/index', 'pages/register/index', 'pages/profile/index'],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6fa',
    navigationBarBackgroundColor: '#1d6ff2',
    navigationBarTitleText: '宿州科创',
    navigationBarTextStyle: 'white',
  },
});
