/** Every reference list is `{ code, name }` entries; these turn one into what zod and the UI need. */
export interface Coded {
  readonly code: string;
  readonly name: string;
}

/** The codes as a non-empty tuple type, as `z.enum` wants them. */
export function codesOf<T extends readonly Coded[]>(list: T) {
  return list.map((item) => item.code) as unknown as readonly [
    T[number]['code'],
    ...T[number]['code'][],
  ];
}

/** `code → Chinese name`; an unknown code is shown as itself rather than hidden. */
export function nameLookup(list: readonly Coded[]): (code: string) => string {
  const names = new Map(list.map((item) => [item.code, item.name]));
  return (code) => names.get(code) ?? code;
}
