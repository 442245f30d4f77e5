// Results are values, not exceptions: expected refusals travel as `{ ok: false, error }`.
export type Failure<E extends string = string> = { readonly ok: false; readonly error: E };
export type Result<T, E extends string = string> = { readonly ok: true; readonly value: T } | Failure<E>;

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E extends string>(error: E): Failure<E> => ({ ok: false, error });
