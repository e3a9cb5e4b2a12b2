/**
 * `subscription-machines/testing`: helpers for testing an integration against the machines.
 * @packageDocumentation
 */
export { type Duration, type TestClock, testClock, toMilliseconds } from './clock';
export { type CommandFactory, commandFactory, type PayloadOf } from './commands';
export {
  type CommandPath,
  type ExampleOptions,
  exampleCommands,
  type PathOptions,
  pathsTo,
  reachablePaths,
} from './graph';
export { CommandRefusedError, type Scenario, scenario } from './scenario';
