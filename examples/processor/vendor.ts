/**
 * The vendor's own system, as the processor template's `isv_client.py` stubs it: the processor
 * asks it whether a domain is free and what subscription id it created. Here it is a table.
 */

/** Domains already taken, or reserved, in the vendor's system. */
const TAKEN = new Set(['admin', 'root', 'contoso']);
/** What provisioning gave each tenant domain; a domain still provisioning has no id yet. */
const PROVISIONED: ReadonlyMap<string, string> = new Map([
  ['northwind', 'CTS-11012'],
  ['contoso-mail', 'CTS-44045'],
]);

export const vendorSystem = {
  /** The plan's seat limit: a change above it is refused. */
  seatLimit: 30,
  /** Why a tenant domain cannot be used, or `null`. */
  domainProblem: (domain: string): string | null =>
    TAKEN.has(domain) ? `The domain ${domain} is taken or reserved` : null,
  /** Why an administrator e-mail cannot be used, or `null`. */
  mailboxProblem: (email: string): string | null =>
    /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email) ? null : 'Not a mailbox: add the domain, e.g. .com',
  /** The vendor's subscription id for a tenant, once provisioned. */
  subscriptionOf: (domain: string): string | undefined => PROVISIONED.get(domain),
};
