// The one end of every exhaustive switch: the type check proves the case cannot happen (a new
// variant added to a union fails to compile here), and if data from outside the types still
// reaches it at run time, it fails loudly with what it got instead of falling through.
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unknown ${what} ${JSON.stringify(value)}`);
}
