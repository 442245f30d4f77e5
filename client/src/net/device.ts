// A stable id for this browser, sent in the deputy handshake so the server can bind a link to
// one device. Random, not derived from anything personal.
const KEY = 'wz.device';

export function deviceId(): string {
  try {
    const had = localStorage.getItem(KEY);
    if (had) return had;
    const id = randomId();
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    return randomId(); // storage disabled: a fresh id per page load is the best we can do
  }
}

export function randomId(bytes = 12): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
