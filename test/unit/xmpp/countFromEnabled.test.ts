import { EventEmitter } from 'node:events';
import { xml } from '@xmpp/xml';
import type { Client } from '@xmpp/client-core';
import type { StreamManagementApi } from '@xmpp/stream-management';
import { describe, expect, it } from 'vitest';
import { countFromEnabled } from '../../../src/xmpp/countFromEnabled';

const NS = 'urn:xmpp:sm:3';

describe('countFromEnabled', () => {
  it("keeps 'h' exact when stanzas arrive in the same frame as <enabled/>, before the library resets", async () => {
    const entity = new EventEmitter();
    const sm = { enabled: false, inbound: 0 } as StreamManagementApi;
    countFromEnabled(entity as unknown as Client, sm);
    const arrive = (el: ReturnType<typeof xml>) => {
      if (['iq', 'message', 'presence'].includes(el.name)) sm.inbound += 1; // the library's middleware
      entity.emit('element', el);
    };
    arrive(xml('presence')); // before <enabled/>: not counted by the server
    arrive(xml('enabled', { xmlns: NS, id: 'x' }));
    arrive(xml('iq', { type: 'result' })); // same frame: parsed before the library resets
    sm.enabled = true;
    sm.inbound = 0; // the library's late reset
    await new Promise((r) => setTimeout(r, 0));
    expect(sm.inbound).toBe(1);
    arrive(xml('message'));
    expect(sm.inbound).toBe(2);
  });

  it('continues from the saved count on <resumed/>', () => {
    const entity = new EventEmitter();
    const sm = { enabled: true, inbound: 41 } as StreamManagementApi;
    countFromEnabled(entity as unknown as Client, sm);
    entity.emit('element', xml('resumed', { xmlns: NS, h: '3', previd: 'x' }));
    sm.inbound += 1;
    entity.emit('element', xml('message'));
    expect(sm.inbound).toBe(42);
  });
});
