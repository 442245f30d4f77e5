// The director's keyboard shortcuts: one key per common action on air, never while typing.
// A key fires only when no modifier is held (Ctrl/Alt/Meta/Shift: the browser's and the
// system's own shortcuts stay theirs), not on auto-repeat, not during IME composition, and
// never inside a text field, textarea, select or contenteditable: a moderator typing
// "休会 10 分钟" into the message line must not cue or take anything.
import { useEffect, useRef } from 'react';
import { SCENE_KINDS, type SceneKind } from '../../../shared/scene.js';

/** The keys, in one place: the legend and the buttons' hints read them from here. */
export const SHORTCUTS = {
  take: 't',
  next: 'n',
  timer: 's',
} as const;

/** Cue a scene: 1–9, 0 and - for the scene buttons in their order on the panel. */
const CUE_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-'] as const;
export const cueKey = (kind: SceneKind): string | undefined => CUE_KEYS[SCENE_KINDS.indexOf(kind)];
export const kindForKey = (key: string): SceneKind | undefined => SCENE_KINDS[(CUE_KEYS as readonly string[]).indexOf(key)];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
  target: EventTarget | null;
}

/** A place where keys are text: inputs that take text, textareas, selects, contenteditable. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as (Partial<HTMLElement> & { type?: string }) | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable === true) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Buttons, checkboxes and radios take no text; every other input type does (or opens a picker).
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes((el.type ?? 'text').toLowerCase());
}

/** The shortcut this key press asks for, or null when it must be left alone. */
export function shortcutKey(e: KeyLike): string | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey || e.repeat || e.isComposing === true) return null;
  if (isTypingTarget(e.target)) return null;
  return e.key.length === 1 ? e.key.toLowerCase() : null;
}

/** Runs the handler named by a key press; the latest handlers, without re-registering. */
export function useShortcuts(handlers: Record<string, (() => void) | undefined>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const key = shortcutKey(e);
      const f = key === null ? undefined : latest.current[key];
      if (!f) return;
      e.preventDefault();
      f();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
