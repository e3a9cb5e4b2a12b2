/**
 * `subscription-machines/testing`: see docs/ for what this entry point will hold.
 * @packageDocumentation
 */
export {};
