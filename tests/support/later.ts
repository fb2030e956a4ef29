// A value that a beforeAll hook makes: read before it is made, it says so instead of failing somewhere later.
export function later<T>(what: string) {
  let value: T | undefined;
  return {
    set(v: T): T {
      value = v;
      return v;
    },
    /** The value, or undefined before it is made (for after-hooks when the before-hook failed). */
    peek: (): T | undefined => value,
    get(): T {
      if (value === undefined) throw new Error(`${what} is made in beforeAll`);
      return value;
    },
  };
}
