/**
 * Role accounts: mailboxes that belong to a function, read by several people or by none, which
 * did not opt in as a person and complain or bounce more often. Healthcare practices route
 * patients' real correspondence through functional mailboxes such as appointments@, billing@,
 * records@, pharmacy@ and scheduling@, and a patient may well have asked for mail there, so
 * those are deliberately absent here.
 */

const ROLE_LOCAL_PARTS = new Set([
  'abuse',
  'admin',
  'administrator',
  'contact',
  'do-not-reply',
  'donotreply',
  'enquiries',
  'hello',
  'help',
  'hostmaster',
  'info',
  'inquiries',
  'mailer-daemon',
  'marketing',
  'no-reply',
  'noreply',
  'office',
  'postmaster',
  'root',
  'sales',
  'security',
  'support',
  'webmaster',
]);

/** `Info+news` counts as `info`: the tag after + does not change whose mailbox it is. */
export function isRoleAccount(local: string): boolean {
  const plus = local.indexOf('+');
  return ROLE_LOCAL_PARTS.has((plus === -1 ? local : local.slice(0, plus)).toLowerCase());
}
