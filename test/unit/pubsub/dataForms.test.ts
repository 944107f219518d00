import parse from 'ltx/lib/parse.js';
import { describe, expect, it } from 'vitest';
import { buildSubmitForm } from '../../../src/pubsub/buildSubmitForm';
import { nodeConfigFields } from '../../../src/pubsub/nodeConfigFields';
import { parseDataForm } from '../../../src/pubsub/parseDataForm';
import { parseNodeConfig } from '../../../src/pubsub/parseNodeConfig';
import { canonical } from './fakeIq';

const configForm = `
<x xmlns='jabber:x:data' type='form'>
  <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
  <field type='fixed'><value>Settings</value></field>
  <field var='pubsub#title' type='text-single'><value>Princely Musings</value></field>
  <field var='pubsub#description' type='text-single'/>
  <field var='pubsub#max_items' type='text-single'><value>1000</value></field>
  <field var='pubsub#persist_items' type='boolean'><value>true</value></field>
  <field var='pubsub#item_expire' type='text-single'><value>604800</value></field>
  <field var='pubsub#notify_retract' type='boolean'><value>0</value></field>
  <field var='pubsub#access_model' type='list-single'><value>open</value></field>
  <field var='pubsub#publish_model' type='list-single'><value>publishers</value></field>
  <field var='pubsub#children' type='text-multi'><value>a</value></field>
  <field var='pubsub#contact' type='jid-multi'><value>a@x</value><value>b@x</value></field>
</x>`;

describe('parseDataForm (XEP-0004)', () => {
  it('reads type, FORM_TYPE and fields; multi types give arrays; labels are skipped', () => {
    const form = parseDataForm(parse(configForm));
    expect(form.type).toBe('form');
    expect(form.formType).toBe('http://jabber.org/protocol/pubsub#node_config');
    expect(form.fields['FORM_TYPE']).toBeUndefined();
    expect(form.fields['pubsub#title']).toBe('Princely Musings');
    expect(form.fields['pubsub#description']).toBe('');
    expect(form.fields['pubsub#children']).toEqual(['a']);
    expect(form.fields['pubsub#contact']).toEqual(['a@x', 'b@x']);
    expect(Object.keys(form.fields)).toHaveLength(10);
  });

  it('gives an array to an untyped field with several values (result forms)', () => {
    const x = parse(
      "<x xmlns='jabber:x:data' type='result'><field var='v'><value>1</value><value>2</value></field></x>",
    );
    expect(parseDataForm(x)).toEqual({
      type: 'result',
      formType: undefined,
      fields: { v: ['1', '2'] },
    });
  });
});

describe('buildSubmitForm', () => {
  it('puts FORM_TYPE first and encodes booleans, numbers, lists; skips undefined', () => {
    const form = buildSubmitForm('urn:example', {
      flag: true,
      off: false,
      count: 42,
      text: 'hi',
      list: ['a', 'b'],
      skipped: undefined,
      FORM_TYPE: 'ignored',
    });
    expect(canonical(form)).toBe(
      canonical(`<x xmlns='jabber:x:data' type='submit'>
        <field type='hidden' var='FORM_TYPE'><value>urn:example</value></field>
        <field var='flag'><value>1</value></field>
        <field var='off'><value>0</value></field>
        <field var='count'><value>42</value></field>
        <field var='text'><value>hi</value></field>
        <field var='list'><value>a</value><value>b</value></field>
      </x>`),
    );
  });
});

describe('parseNodeConfig (XEP-0060 §16.4)', () => {
  it('reads the fields Satchel uses and keeps every field in raw', () => {
    const config = parseNodeConfig(parseDataForm(parse(configForm)).fields);
    expect(config).toMatchObject({
      maxItems: 1000,
      persistItems: true,
      itemExpireSeconds: 604800,
      notifyRetract: false,
      accessModel: 'open',
      publishModel: 'publishers',
      title: 'Princely Musings',
    });
    expect(config.description).toBeUndefined();
    expect(config.raw?.['pubsub#contact']).toEqual(['a@x', 'b@x']);
  });

  it("understands max_items 'max' and ignores unreadable values", () => {
    expect(parseNodeConfig({ 'pubsub#max_items': 'max' }).maxItems).toBe('max');
    const odd = parseNodeConfig({ 'pubsub#max_items': 'lots', 'pubsub#persist_items': 'yes' });
    expect(odd.maxItems).toBeUndefined();
    expect(odd.persistItems).toBeUndefined();
    expect(parseNodeConfig({ 'pubsub#item_expire': 'max' }).itemExpireSeconds).toBeUndefined();
  });
});

describe('nodeConfigFields', () => {
  it('submits raw fields overridden by the typed ones that are set', () => {
    const fields = nodeConfigFields({
      maxItems: 'max',
      persistItems: true,
      notifyRetract: true,
      raw: { 'pubsub#max_items': '20', 'pubsub#title': 'Old', 'pubsub#deliver_payloads': '1' },
    });
    expect(fields).toEqual({
      'pubsub#max_items': 'max',
      'pubsub#title': 'Old',
      'pubsub#deliver_payloads': '1',
      'pubsub#persist_items': true,
      'pubsub#notify_retract': true,
    });
  });

  it('round-trips a parsed configuration (a submit form has no field types)', () => {
    const config = parseNodeConfig(parseDataForm(parse(configForm)).fields);
    const submitted = parseDataForm(buildSubmitForm('t', nodeConfigFields(config))).fields;
    expect(parseNodeConfig(submitted)).toEqual({
      ...config,
      raw: {
        ...config.raw,
        'pubsub#persist_items': '1',
        'pubsub#notify_retract': '0',
        'pubsub#children': 'a',
      },
    });
  });
});
