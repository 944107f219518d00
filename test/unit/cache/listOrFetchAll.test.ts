/** A node's listing may take as long as a server needs to list a large node (issue 15). */
import { expect, test } from 'vitest';
import { listOrFetchAll } from '../../../src/cache/listOrFetchAll';
import { fakeIq, result } from '../pubsub/fakeIq';

test('the disco#items listing gets the long timeout, not the 30 s default', async () => {
  const fake = fakeIq(() =>
    result(
      `<query xmlns='http://jabber.org/protocol/disco#items' node='big'><item jid='pubsub.example' name='a'/><item jid='pubsub.example' name='b'/></query>`,
    ),
  );
  const listed = await listOrFetchAll(fake.iq, 'pubsub.example', 'big');
  expect(listed.ids).toEqual(['a', 'b']);
  // Prosody 0.12 took 25 to 29 s to list 50,000 items on the 2-core test machine.
  expect(fake.timeouts).toHaveLength(1);
  expect(fake.timeouts[0]).toBeGreaterThanOrEqual(120_000);
});
