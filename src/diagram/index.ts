/**
 * `subscription-machines/diagram`: Mermaid state diagrams of the machines, as drawn in `docs/diagrams/`.
 * @packageDocumentation
 */
export { toMermaid } from './mermaid';
