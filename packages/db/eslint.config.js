import base from '@kc/eslint-config/base';

export default base;
