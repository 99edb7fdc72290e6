export * from './entities';
export * from './errors';
export * from './money';
export * from './reference';
export * from './validate';
export * from './zod-errors';
