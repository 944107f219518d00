import type { DataFormFields } from './parseDataForm';

/**
 * Typed readers for data form values (XEP-0004 §3.3), shared by the node configuration and
 * caching hint parsers. Each returns undefined when the field is absent or unreadable.
 */
export const formValues = {
  text(fields: DataFormFields, name: string): string | undefined {
    const value = fields[name];
    return Array.isArray(value) ? value[0] : value;
  },

  boolean(fields: DataFormFields, name: string): boolean | undefined {
    const value = formValues.text(fields, name)?.trim();
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    return undefined;
  },

  integer(fields: DataFormFields, name: string): number | undefined {
    const value = formValues.text(fields, name)?.trim();
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  },

  /** XEP-0060 §16.4 `integer-or-max`. */
  integerOrMax(fields: DataFormFields, name: string): number | 'max' | undefined {
    const value = formValues.text(fields, name)?.trim();
    return value === 'max' ? 'max' : formValues.integer(fields, name);
  },
};
