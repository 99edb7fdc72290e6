import vue from '@kc/eslint-config/vue';

export default [...vue, { ignores: ['auto-imports.d.ts', 'components.d.ts'] }];
