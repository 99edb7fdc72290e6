export * from './aggregate';
export * from './draw';
export * from './random';
export * from './rubric';
export * from './settings';
export * from './expert';
export * from './call';
