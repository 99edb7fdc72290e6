export * from './areas';
export * from './fields';
export * from './organisation-types';
export * from './platform-levels';
export * from './titles';
export * from './lookup';
