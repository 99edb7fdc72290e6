export * from './working-days';
export * from './notice-period';
export * from './periods';
