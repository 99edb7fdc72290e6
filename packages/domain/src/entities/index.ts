export * from './officer';
export * from './officer-security';
export * from './organisation';
export * from './researcher';
export { areaCodeSchema, fieldCodesSchema, subFieldCodesSchema } from './shared';
