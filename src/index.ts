/**
 * `subscription-machines`: CloudBlue Connect machines, capabilities, the command API and persistence.
 * @packageDocumentation
 */
export * from './connect/index';
export * from './core/index';
