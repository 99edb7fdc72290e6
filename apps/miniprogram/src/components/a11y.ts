import { env } from '../env';
export type ControlRole = 'button' | 'link' | 'checkbox' | 'radio' | 'tab' | 'switch';

/**
 * Props that make a tappable View or Text a control for keyboards and screen readers. On H5 a
 * View is a <taro-view-core> with no role and no tab stop; Enter and Space are handled once
 * for the whole app (services/keyboard.h5.ts). WeChat reads `role` itself and has no keyboard.
 */
export function pressable(role: ControlRole = 'button'): { role: ControlRole; tabIndex?: number } {
  return env.platform === 'h5' ? { role, tabIndex: 0 } : { role };
}
