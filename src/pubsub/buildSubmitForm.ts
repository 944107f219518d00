import { xml, type Element } from '@xmpp/xml';
import { NS } from './namespaces';

/** A value to submit: booleans become '1'/'0' and numbers their decimal form (XEP-0004 §3.3). */
export type SubmitValue = string | number | boolean | readonly string[];
export type SubmitFields = Record<string, SubmitValue | undefined>;

function toValues(value: SubmitValue): string[] {
  if (typeof value === 'boolean') return [value ? '1' : '0'];
  if (typeof value === 'number') return [String(value)];
  return typeof value === 'string' ? [value] : [...value];
}

/**
 * Builds `<x xmlns='jabber:x:data' type='submit'/>` with its FORM_TYPE (XEP-0068 §3, hidden
 * field first) and one <field/> per defined value. Fields set to `undefined` are left out.
 */
export function buildSubmitForm(formType: string, fields: SubmitFields): Element {
  const form = xml(
    'x',
    { xmlns: NS.dataForms, type: 'submit' },
    xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, formType)),
  );
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || name === 'FORM_TYPE') continue;
    form.append(
      xml(
        'field',
        { var: name },
        toValues(value).map((text) => xml('value', {}, text)),
      ),
    );
  }
  return form;
}
