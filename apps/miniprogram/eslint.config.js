import { react } from '@kc/eslint-config/react';

export default [
  ...react,
  { ignores: ['dist/**', 'node_modules/**', '**/*.json'] },
  {
    // Taro loads babel.config.cjs with require().
    files: ['*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
