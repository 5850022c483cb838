export * from './vocabulary.js';
export * from './text.js';
export * from './errors.js';
export * from './events.js';
export * from './schemas.js';
export type * from './views.js';
export * from './incidents.js';
export * from './incidentSchemas.js';
export * from './lifecycle.js';
