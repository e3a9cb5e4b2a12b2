/**
 * `subscription-machines/opencell`: see docs/ for what this entry point will hold.
 * @packageDocumentation
 */
export {};
