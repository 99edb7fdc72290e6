import vue from '@kc/eslint-config/vue';

export default [
  ...vue,
  { ignores: ['auto-imports.d.ts', 'components.d.ts'] },
  {
    // Prettier lays out templates; these eslint-plugin-vue layout rules disagree with it.
    files: ['**/*.vue'],
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      // Names like `ElMessage` come from unplugin-auto-import, which only TypeScript knows
      // about; vue-tsc reports truly undefined names (typescript-eslint arranges the same for .ts).
      'no-undef': 'off',
    },
  },
];
