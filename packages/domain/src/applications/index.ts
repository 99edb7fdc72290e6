export * from './status';
export * from './transitions';
export * from './messages';
export * from './queues';
export * from './steps';
