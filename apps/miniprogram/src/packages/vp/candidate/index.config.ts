export default definePageConfig({ navigationBarTitleText: '报名科技副总' });
