export default definePageConfig({ navigationBarTitleText: '创新联盟' });
