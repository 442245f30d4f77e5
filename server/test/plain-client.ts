// A browser without JavaScript, for the plain page's tests: GETs a page, reads its forms'
// fields as a browser would send them, POSTs them urlencoded, follows the 303, and keeps the
// cookies a browser keeps (per path, as set).
import { AgendaItem, Deputy } from '../../shared/model.js';
export interface PlainPage {
  status: number;
  html: string;
  url: string;
  headers: Headers;
}

export interface PlainForm {
  action: string;
  /** The hidden fields (the seal) as rendered. */
  hidden: Record<string, string>;
}

export class PlainBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly path: string,
    private readonly acceptLanguage = 'zh-CN',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (pair && i > 0) this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  async get(path = this.path): Promise<PlainPage> {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookieHeader(), 'accept-language': this.acceptLanguage }, redirect: 'manual' });
    this.keep(res);
    const html = await res.text();
    // Every page, whatever its state: nothing a phone without JavaScript, or the CSP, would refuse.
    if (/<script|\sstyle=|\son[a-z]+=/i.test(html)) throw new Error(`script or inline style on a plain page:\n${html}`);
    return { status: res.status, html, url: path, headers: res.headers };
  }

  /** POST fields to a form's action; answers the redirect (status 303, Location) without following it. */
  async postRaw(action: string, fields: [string, string][]): Promise<Response> {
    const res = await fetch(this.base + action, {
      method: 'POST',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', 'accept-language': this.acceptLanguage },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    this.keep(res);
    return res;
  }

  /** POST, then GET where it redirects (Post/Redirect/Get). */
  async post(form: PlainForm, fields: [string, string][]): Promise<{ res: Response; page: PlainPage }> {
    const res = await this.postRaw(form.action, [...Object.entries(form.hidden), ...fields]);
    if (res.status !== 303) throw new Error(`expected 303, got ${res.status}: ${await res.text()}`);
    const to = res.headers.get('location') ?? '';
    return { res, page: await this.get(to) };
  }
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The page's one form, with its action and hidden fields. */
export function formOf(html: string): PlainForm {
  const m = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
  if (!m?.[1] || m[2] === undefined) throw new Error(`no form on the page:\n${html}`);
  const hidden: Record<string, string> = {};
  for (const h of m[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) hidden[decode(h[1] ?? '')] = decode(h[2] ?? '');
  return { action: decode(m[1]), hidden };
}

/** The page's visible text, tags dropped, for assertions on what a deputy reads. */
export function textOf(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

export const tokenOf = (linkUrl: string) => linkUrl.split('/d/')[1] ?? '';

/**
 * A meeting with every kind the plain page votes on, named and secret: motions, projects
 * (select N of M, and each), ratings (three levels over three subjects, one subject on the
 * competence scale, and the score scale).
 */
export const PLAIN_MEETING = 'plain';
export function plainMeetingEvent() {
  const roster = Array.from({ length: 5 }, (_, i) => ({ id: `p${i + 1}`, name: `代表${i + 1}`, group: '', seat: `${i + 1}号` }));
  const common = { visibility: 'turnout' as const, countdownSec: 0 };
  const projects = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `prj${i + 1}`, name: `项目${i + 1}`, department: '市住建局', budget: `${i + 1}00 万元`, deadline: '' }));
  const subjects = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `sub${i + 1}`, name: `部门${i + 1}`, person: `张${i + 1}`, title: '局长' }));
  const agenda = [
    { id: 'm-named', kind: 'motion', title: '记名表决事项', description: '', settings: { ...common, secret: false, base: 'roster', threshold: 'half' } },
    { id: 'm-secret', kind: 'motion', title: '无记名表决事项', description: '', settings: { ...common, secret: true, allowChange: true, base: 'roster', threshold: 'half' } },
    { id: 'p-select', kind: 'projects', title: '民生实事项目（差额）', description: '', settings: { ...common, secret: false, form: 'select', adopt: 2, base: 'roster', threshold: 'half' }, projects: projects(4) },
    { id: 'p-each', kind: 'projects', title: '民生实事项目（逐项）', description: '', settings: { ...common, secret: true, form: 'each', adopt: 2, base: 'roster', threshold: 'half' }, projects: projects(3) },
    { id: 'r-three', kind: 'rating', title: '满意度测评', description: '', settings: { ...common, secret: true, scale: 'three', flagAbove: 0.2 }, subjects: subjects(3) },
    { id: 'r-one', kind: 'rating', title: '述职评议', description: '', settings: { ...common, secret: false, scale: 'competence', flagAbove: 0.2 }, subjects: subjects(1) },
    { id: 'r-score', kind: 'rating', title: '打分测评', description: '', settings: { ...common, secret: false, scale: 'score', flagAbove: 0.2 }, subjects: subjects(2) },
    { id: 'seg', kind: 'segment', title: '电视问政', description: '', department: '市住建局', person: { name: '王某某', title: '局长' }, questions: [{ id: 'q1', asker: '李代表', topic: '老旧小区改造' }] },
  ];
  return { meeting: { id: PLAIN_MEETING, title: '简易页会议', date: '', settings: { quorum: 'half' as const } }, roster: roster.map((d) => Deputy.parse(d)), agenda: agenda.map((a) => AgendaItem.parse(a)) };
}
