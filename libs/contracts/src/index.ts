export * from './lib/roles';
export * from './lib/locales';
export * from './lib/sectors';
export * from './lib/catalog';
export * from './lib/cohorts';
export * from './lib/live';
export * from './lib/notifications';
export * from './lib/certificates';
