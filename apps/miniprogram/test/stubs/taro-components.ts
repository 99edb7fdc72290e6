import { createElement, type ReactNode } from 'react';

/**
 * Taro's components as plain tags, so a form runs in jsdom: ids, classes, roles, clicks and
 * aria-/data- attributes pass through; an Input or Textarea answers typing with Taro's
 * `onInput({ detail: { value } })`. Use: `vi.mock('@tarojs/components', () => import('./stubs/taro-components'))`.
 */
const host = (tag: string) => (props: Record<string, unknown> & { children?: ReactNode }) => {
  const attrs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (['id', 'className', 'role', 'onClick', 'disabled'].includes(k)) attrs[k] = v;
    else if (k.startsWith('aria-') || k.startsWith('data-')) attrs[k] = v;
  }
  if (tag === 'input' || tag === 'textarea') {
    const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
    Object.assign(attrs, props.nativeProps as object, {
      value: props.value,
      placeholder: props.placeholder,
      onChange: (e: { target: { value: string } }) =>
        onInput?.({ detail: { value: e.target.value } }),
      onBlur: props.onBlur,
    });
    return createElement(tag, attrs);
  }
  return createElement(tag, attrs, props.children);
};

export const View = host('div');
export const Text = host('span');
export const Button = host('button');
export const Input = host('input');
export const Textarea = host('textarea');
