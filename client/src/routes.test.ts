// The receipt list's path round-trips through the router, with the phone's code and language role.
import { describe, expect, it } from 'vitest';
import { receiptsPath, roleOf, routeOf } from './routes.js';

describe('routes', () => {
  it('open the receipt list of a round with the code filled in', () => {
    const [path, query] = receiptsPath('demo', 'r3f2a9c01be77', 'K7Q2M9XP').split('?');
    const route = routeOf(path ?? '', `?${query ?? ''}`);
    expect(route).toEqual({ page: 'receipts', meetingId: 'demo', roundId: 'r3f2a9c01be77', code: 'K7Q2M9XP' });
    expect(roleOf(route)).toBe('deputy');
  });

  it('send a malformed receipts path to the landing page', () => {
    expect(routeOf('/receipts/demo', '')).toEqual({ page: 'landing' });
    expect(routeOf('/receipts/demo/r1/extra', '')).toEqual({ page: 'landing' });
    expect(routeOf('/receipts/de mo/r1', '')).toEqual({ page: 'landing' });
  });

  it('[U41][U43] open the public year page in the public pages’ language, the dashboard in the console’s', () => {
    expect(routeOf('/year', '')).toEqual({ page: 'year' });
    expect(routeOf('/year/', '')).toEqual({ page: 'year' });
    expect(roleOf(routeOf('/year', ''))).toBe('live');
    expect(routeOf('/supervision/dashboard', '')).toEqual({ page: 'dashboard' });
    expect(roleOf(routeOf('/supervision/dashboard', ''))).toBe('console');
  });
});
