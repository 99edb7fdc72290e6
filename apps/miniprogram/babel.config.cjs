// babel-preset-taro options (CommonJS: Babel and Taro require() it; the package itself is ESM): https://docs.taro.zone/docs/next/babel-config
//
// Targets are passed explicitly: browserslist config is looked up from each compiled file, so
// workspace packages (packages/domain, outside this folder) would otherwise get Babel's old
// defaults — which rewrite `3n ** x` to `Math.pow(3n, x)`, a TypeError with BigInt.
// The domain uses BigInt, so iOS ≥ 14 and a Chromium ≥ 67 WebView are the floor anyway.
const { browserslist } = require('./package.json');

module.exports = {
  presets: [
    ['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: browserslist }],
  ],
};
