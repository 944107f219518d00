/**
 * Tiny structural validators for messages arriving from pages. The worker trusts nothing it
 * receives: a page may be an older build, or hostile script in the same origin.
 */
export type Validator<T> = (value: unknown, path: string) => T;

export class ValidationError extends Error {
  override name = 'ValidationError';
  /** `too-large` when a string or list is over its bound (issue 15: an oversized message is
   * told apart from a malformed one), else `bad-request`. */
  constructor(
    message: string,
    readonly code: 'bad-request' | 'too-large' = 'bad-request',
  ) {
    super(message);
  }
}

export const str =
  (max = 10_000): Validator<string> =>
  (value, path) => {
    if (typeof value !== 'string') throw new ValidationError(`${path} must be a string`);
    if (value.length > max) throw new ValidationError(`${path} is longer than ${max}`, 'too-large');
    return value;
  };

export const bool: Validator<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new ValidationError(`${path} must be a boolean`);
  return value;
};

export const int =
  (min: number, max: number): Validator<number> =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new ValidationError(`${path} must be an integer in [${min}, ${max}]`);
    return value;
  };

export const optional =
  <T>(inner: Validator<T>): Validator<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : inner(value, path);

export const oneOf =
  <T extends string>(...allowed: T[]): Validator<T> =>
  (value, path) => {
    if (typeof value !== 'string' || !(allowed as string[]).includes(value))
      throw new ValidationError(`${path} must be one of ${allowed.join(', ')}`);
    return value as T;
  };

export const arrayOf =
  <T>(inner: Validator<T>, max = 10_000): Validator<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) throw new ValidationError(`${path} must be an array`);
    if (value.length > max)
      throw new ValidationError(`${path} has more than ${max} entries`, 'too-large');
    return value.map((v, i) => inner(v, `${path}[${i}]`));
  };

type Shape = Record<string, Validator<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** An object with exactly these keys (unknown keys are rejected, undefined ones dropped). */
export const obj =
  <S extends Shape>(shape: S): Validator<Out<S>> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new ValidationError(`${path} must be an object`);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!Object.hasOwn(shape, key)) throw new ValidationError(`${path}.${key} is not expected`);
    const out: Record<string, unknown> = {};
    for (const [key, validate] of Object.entries(shape)) {
      const v = validate(record[key], `${path}.${key}`);
      if (v !== undefined) out[key] = v;
    }
    return out as Out<S>;
  };

export const empty = obj({});
