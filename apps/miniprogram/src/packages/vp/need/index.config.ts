export default definePageConfig({ navigationBarTitleText: '发布技术需求' });
