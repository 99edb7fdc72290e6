/**
 * 大字模式 in WeChat (weapp build only; see mini.postcss in config/index.ts).
 *
 * Taro's pxtransform turns design px into rpx, which no root font size scales. After it has run
 * (OnceExit), every `font-size: <N>rpx` becomes `calc(<N>rpx * var(--kc-text-scale, 1))`, so a
 * page root with `--kc-text-scale: 1.25` (`.page--large-text` in app.css) enlarges all of its text
 * and nothing else. Unitless line-heights follow the font size; px line-heights (one line centred
 * in a fixed-height box) stay as they are. `PX` (upper case, left alone by pxtransform) is left
 * alone here too.
 */
const SIZE = /^(\d*\.?\d+)(rpx|px)$/;

/** @param {{ variable?: string }} [options] */
function textScale(options = {}) {
  const variable = options.variable || '--kc-text-scale';
  return {
    postcssPlugin: 'kc-text-scale',
    OnceExit(root) {
      root.walkDecls('font-size', (decl) => {
        const match = SIZE.exec(decl.value.trim());
        if (!match || Number(match[1]) === 0) return;
        decl.value = `calc(${match[1]}${match[2]} * var(${variable},1))`;
      });
    },
  };
}
textScale.postcss = true;

module.exports = textScale;
