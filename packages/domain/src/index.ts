export * from './entities';
export * from './errors';
export * from './money';
export * from './reference';
export * from './validate';
export * from './zod-errors';
// Installs zod's Chinese messages for every schema parsed in any app (side effect on import).
export * from './zod-locale';
export * from './applications';
export * from './calendar';
export * from './policy';
export * from './targets';
export * from './matching';
export * from './organisations';
export * from './audit';
export * from './uploads';
export * from './privacy';
export * from './selection';
