export default definePageConfig({ navigationBarTitleText: '登记创新联盟' });
