/**
 * `subscription-machines/testing`: helpers for testing an integration against the machines.
 * @packageDocumentation
 */
export {
  type CommandPath,
  type ExampleOptions,
  exampleCommands,
  type PathOptions,
  pathsTo,
  reachablePaths,
} from './graph';
