// The director's shortcuts fire only on a bare key outside any text field (shortcuts.ts).
import { describe, expect, it } from 'vitest';
import { cueKey, isTypingTarget, kindForKey, shortcutKey } from './shortcuts.js';

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;
const press = (key: string, target: EventTarget | null = el('BODY'), mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'repeat' | 'isComposing', boolean>> = {}) =>
  shortcutKey({ key, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, repeat: false, target, ...mods });

describe('[desk] keyboard shortcuts', () => {
  it('a bare key on the page is a shortcut, case-folded', () => {
    expect(press('t')).toBe('t');
    expect(press('N', el('BUTTON'))).toBe('n');
    expect(press('Enter')).toBeNull(); // named keys are never shortcuts
  });

  it('never inside a text field, textarea, select or contenteditable', () => {
    for (const type of ['text', 'search', 'number', 'password', 'email', 'url', 'tel', 'date']) expect(press('t', el('INPUT', { type }))).toBeNull();
    expect(press('t', el('INPUT'))).toBeNull(); // no type: text
    expect(press('t', el('TEXTAREA'))).toBeNull();
    expect(press('t', el('SELECT'))).toBeNull();
    expect(press('t', el('DIV', { isContentEditable: true }))).toBeNull();
    expect(press('t', el('INPUT', { type: 'checkbox' }))).toBe('t');
    expect(isTypingTarget(null)).toBe(false);
  });

  it('never with a modifier held, on auto-repeat or while an IME composes', () => {
    for (const m of ['ctrlKey', 'altKey', 'metaKey', 'shiftKey', 'repeat', 'isComposing'] as const) expect(press('t', el('BODY'), { [m]: true })).toBeNull();
  });

  it('cue keys follow the scene buttons: 1 is the title, - the segment', () => {
    expect(cueKey('title')).toBe('1');
    expect(cueKey('segment')).toBe('-');
    expect(kindForKey('6')).toBe('result');
    expect(kindForKey('x')).toBeUndefined();
  });
});
