export default definePageConfig({ navigationBarTitleText: '单位资料库' });
