/**
 * `npm run demo`: a realistic subscription lifecycle, told through the public API only.
 * The Connect subscription issue replaces this placeholder with the full story.
 */
import * as subscriptionMachines from 'subscription-machines';

const exported = Object.keys(subscriptionMachines);
console.log('subscription-machines demo');
console.log(
  exported.length === 0
    ? 'The package builds and resolves; the lifecycle story arrives with the Connect subscription machine.'
    : `Exports: ${exported.join(', ')}`,
);
