export * from './status';
export * from './transitions';
