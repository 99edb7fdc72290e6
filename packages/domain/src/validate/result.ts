/** Outcome of a validator: the normalised value, or a Chinese message for the user. */
export type Checked<T extends object = object> =
  ({ ok: true; value: string } & T) | { ok: false; message: string };
