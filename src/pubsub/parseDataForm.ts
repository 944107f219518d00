import type { Element } from '@xmpp/xml';

/** Field values of a form by `var`: one string, or an array for multi-valued fields. */
export type DataFormFields = Record<string, string | string[]>;

export interface DataForm {
  /** XEP-0004 §3.1 form type: form, submit, cancel or result. */
  type: string | undefined;
  /** XEP-0068 FORM_TYPE, when the form has one (it is not repeated in `fields`). */
  formType: string | undefined;
  fields: DataFormFields;
}

const multiTypes = new Set(['list-multi', 'jid-multi', 'text-multi']);

/**
 * Reads a XEP-0004 data form (`<x xmlns='jabber:x:data'/>`). Multi-valued field types give an
 * array even with one value; other fields give their first value ('' when empty). Fields with
 * no `var` (§3.2: fixed labels) are skipped.
 */
export function parseDataForm(x: Element): DataForm {
  let formType: string | undefined;
  const fields: DataFormFields = {};
  for (const field of x.getChildren('field')) {
    const name = field.attrs.var;
    if (!name) continue;
    const values = field.getChildren('value').map((value) => value.getText());
    if (name === 'FORM_TYPE') {
      formType = values[0];
      continue;
    }
    const multi = multiTypes.has(field.attrs.type ?? '') || values.length > 1;
    fields[name] = multi ? values : (values[0] ?? '');
  }
  return { type: x.attrs.type, formType, fields };
}
