import base from '@kc/eslint-config/base';

// Root files only (scripts, configs); each package lints itself with its own config.
export default [...base, { ignores: ['packages/**', 'apps/**', 'tests/**', 'tooling/eslint/**'] }];
