export * from './credit-code';
export * from './mask';
export * from './mobile';
export * from './resident-id';
export type { Checked } from './result';
export * from './text';
export * from './safe-text';
