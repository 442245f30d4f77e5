// Which polls this browser has rated (localStorage), so a reload shows 感谢参与 rather than the
// form again. The server's refusal (您已评价) stays the real check; this is only courtesy.
const KEY = 'wz.live.rated';

export function ratedPolls(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function markRated(pollId: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([...ratedPolls().filter((x) => x !== pollId), pollId].slice(-50)));
  } catch {
    /* storage off: the form shows again after a reload, the server still refuses a second rating */
  }
}
