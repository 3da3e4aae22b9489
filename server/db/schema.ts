/**
 * The database schema, in two files so each stays readable; drizzle-kit and the app read it from
 * here.
 */
export * from './core-schema.js';
export * from './automation-schema.js';
