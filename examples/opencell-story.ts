/**
 * The life of an Opencell subscription, told through the public API only.
 * `npm run demo -- opencell` tells it.
 *
 * 1. Subscribed on January 31 with a monthly, auto-renewing term and a 5-day notice: the notice
 *    fires, then the term renews the way Opencell adds each term to the previous end (Feb 28 →
 *    Mar 28 → Apr 28), beside the anchored terms of this package.
 * 2. A future-dated amendment waits; an offer change configures the new version's products.
 * 3. A termination dated today is scheduled until the end of its day (Opencell compares by day),
 *    then the clock resiliates it, for a reason whose flags say what it charges.
 */
import { persist } from 'subscription-machines';
import {
  type OpencellCommand,
  type OpencellSubscriptionEmitted,
  opencellSubscriptionMachine,
  termEnds,
  toOpencellSubscription,
} from 'subscription-machines/opencell';
import { addPeriods } from 'subscription-machines/terms';
import { createActor } from 'xstate';

const CODE = 'SUB-FIBER-0042';

/** Tells the story, one line per event, through `log` (default: `console.log`). */
export function tellOpencellStory({ log = console.log }: { log?: (line: string) => void } = {}) {
  const time = (at: string) => at.replace('T', ' ').replace(/:00Z$/, 'Z');
  const day = (at: string) => at.slice(0, 10);
  const line = (at: string, what: string, detail = '') =>
    log(`${time(at).padEnd(18)} ${what.padEnd(36)} ${detail}`.trimEnd());
  const section = (title: string) => log(`\n— ${title}`);

  const renewalRule = {
    initialTermType: 'RECURRING',
    initialyActiveFor: 1,
    autoRenew: true,
    renewFor: 1,
    daysNotifyRenewal: 5,
  } as const;
  const actor = createActor(opencellSubscriptionMachine, {
    input: {
      code: CODE,
      offerCode: 'OF_FIBER',
      consumerId: 'UA-CONTOSO-01',
      at: '2026-01-31T09:00:00Z',
      by: { role: 'operator', id: 'jane' },
      subscriptionDate: '2026-01-31T00:00:00Z',
      products: [{ code: 'SE_FIBER_300M', quantity: 1, attributes: { speed: '300M' } }],
      accessPoints: [{ code: 'AP-0612345678' }],
      renewalRule,
    },
  });
  actor.on('*', (event: OpencellSubscriptionEmitted) => {
    switch (event.type) {
      case 'status.changed':
        return line(event.at, `subscription ${event.from} → ${event.to}`);
      case 'notification':
        return line(
          event.at,
          `  ✉ ${event.template} notice`,
          `the term ends ${day(event.subscribedTillDate)}`,
        );
      case 'subscription.renewed':
        return line(
          event.at,
          `  renewed ×${event.terms}`,
          `${day(event.previousSubscribedTillDate)} → ${day(event.subscribedTillDate)}`,
        );
      case 'amendment.applied':
        return line(
          event.at,
          `  amendment ${event.amendmentId} applied`,
          `effective ${day(event.effectiveDate)}`,
        );
      case 'subscription.ended':
        return line(
          event.at,
          `  ${event.status} on ${day(event.terminationDate)}`,
          `reason ${event.reason.code}, charges ${JSON.stringify(event.charges)}`,
        );
      case 'command.rejected': {
        const { code, message, command } = event.rejection;
        return line(command.at, `✗ REFUSED ${command.type}`, `${code}: ${message}`);
      }
    }
  });
  const operator = { role: 'operator', id: 'jane' } as const;
  const send = (command: OpencellCommand) => actor.send(command);
  const tick = (at: string) => send({ type: 'clock.tick', at, by: { role: 'system' } });

  log(`subscription-machines demo: Opencell subscription ${CODE}\n`);
  actor.start();
  line(
    '2026-01-31T09:00:00Z',
    'subscription created',
    `${actor.getSnapshot().value}, term ends ${day(actor.getSnapshot().context.subscribedTillDate ?? '')}`,
  );

  section('1. A monthly, auto-renewing term: the notice, then Opencell’s renewals');
  send({ type: 'subscription.activate', at: '2026-01-31T10:00:00Z', by: operator });
  tick('2026-02-23T06:00:00Z');
  tick('2026-03-01T06:00:00Z');
  tick('2026-04-29T06:00:00Z');
  const opencell = termEnds('2026-01-31T00:00:00Z', renewalRule, 4).map(day);
  const anchored = [1, 2, 3, 4].map((n) => day(addPeriods('2026-01-31T00:00:00Z', '1m', n)));
  log(`${''.padEnd(18)} ${'  Opencell’s ends of term'.padEnd(36)} ${opencell.join(', ')}`);
  log(`${''.padEnd(18)} ${'  this package’s terms (anchored)'.padEnd(36)} ${anchored.join(', ')}`);

  section('2. A future-dated amendment; an offer change with the new version’s products');
  send({
    type: 'amendment.submit',
    amendmentId: 'AMD-SPEED',
    effectiveDate: '2026-05-15T00:00:00Z',
    changes: [{ op: 'update', productCode: 'SE_FIBER_300M', attributes: { speed: '500M' } }],
    at: '2026-05-02T09:00:00Z',
    by: operator,
  });
  send({
    type: 'offer.change',
    offerCode: 'OF_FIBER_PRO',
    effectiveDate: '2026-06-01T00:00:00Z',
    products: [{ code: 'SE_FIBER_1G', quantity: 1, attributes: { speed: '1G' } }],
    at: '2026-05-03T09:00:00Z',
    by: operator,
  });
  tick('2026-06-01T06:00:00Z');
  const products = actor.getSnapshot().context.products;
  line(
    '2026-06-01T06:00:00Z',
    '  products',
    products.map((p) => `${p.code} ${p.status}`).join(', '),
  );

  section('3. A termination dated today waits for the end of its day, for a reason with flags');
  const reason = {
    code: 'CC_TERM',
    applyTerminationCharges: true,
    overrideProrata: 'NO_PRORATA',
  } as const;
  send({
    type: 'subscription.terminate',
    terminationDate: '2026-06-10T12:00:00Z',
    reason,
    note: 'moving abroad',
    at: '2026-06-10T14:00:00Z',
    by: operator,
  });
  line('2026-06-10T14:00:00Z', '  scheduled', `status ${actor.getSnapshot().value}`);
  tick('2026-06-10T20:00:00Z');
  line('2026-06-10T20:00:00Z', '  (its day is not over)', `status ${actor.getSnapshot().value}`);
  tick('2026-06-11T00:00:00Z');

  const final = actor.getSnapshot();
  const dto = toOpencellSubscription(final);
  log(
    `\nFinal: ${final.value} on ${day(dto.terminationDate ?? '')} (${dto.terminationReason}), version ${final.context.version},` +
      ` offer ${dto.offerTemplate} v${dto.versionNumber}, ${dto.services.serviceInstance.length} service instances in the DTO.` +
      ` Persisted JSON: ${JSON.stringify(persist(final)).length.toLocaleString('en-US')} bytes.`,
  );
  return actor;
}
