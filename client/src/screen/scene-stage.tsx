// The scene layer with the transition the director set (B14): when the scene changes, a frozen
// copy of the outgoing scene's DOM (test ids stripped, inert) lies on top and fades out
// (dissolve) or is wiped away left to right (wipe), while the new scene is already in place
// underneath; a cut shows the new scene at once, without its build. No frame is ever blank.
import { Component, createRef } from 'react';
import type { SceneTransition } from '../../../shared/scene.js';
import type { ScreenView } from '../../../shared/views.js';
import { sceneComponent } from './scene-map.js';
import { assertNever } from '../../../shared/never.js';

export const DISSOLVE_MS = 450;
export const WIPE_MS = 600;

/** The transition to play: the scene's, or a cut where the viewer asked for less motion. */
export function transitionOf(view: ScreenView): SceneTransition {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduced ? 'cut' : (view.scene.transition ?? 'dissolve');
}

/** The ghost's keyframes for a transition (a cut has no ghost). */
export function ghostKeyframes(tr: Exclude<SceneTransition, 'cut'>): { frames: Keyframe[]; ms: number } {
  switch (tr) {
    case 'dissolve':
      return { frames: [{ opacity: 1 }, { opacity: 0 }], ms: DISSOLVE_MS };
    case 'wipe':
      return { frames: [{ clipPath: 'inset(0 0 0 0)' }, { clipPath: 'inset(0 0 0 100%)' }], ms: WIPE_MS };
    default:
      return assertNever(tr, 'transition');
  }
}

interface Props {
  view: ScreenView;
  offset: number;
}

/** Scenes are the same scene while kind, item and text are the same. */
export function sceneKey(v: ScreenView): string {
  return [v.scene.kind, v.item?.id ?? '', v.scene.text ?? ''].join('|');
}

export class SceneStage extends Component<Props> {
  private readonly layer = createRef<HTMLDivElement>();
  private readonly ghosts = createRef<HTMLDivElement>();
  private shownKey: string | undefined;
  /** A cut happened while this page was open: scenes mounted from now on play their build. */
  private cutSeen = false;

  override getSnapshotBeforeUpdate(prev: Props): Node | null {
    if (sceneKey(prev.view) === sceneKey(this.props.view) || transitionOf(this.props.view) === 'cut') return null;
    const el = this.layer.current?.firstElementChild;
    if (!el) return null;
    const copy = el.cloneNode(true);
    if (copy instanceof Element) {
      copy.removeAttribute('data-testid');
      for (const x of copy.querySelectorAll('[data-testid]')) x.removeAttribute('data-testid');
    }
    return copy;
  }

  override componentDidUpdate(_prev: Props, _state: unknown, ghost: Node | null): void {
    const host = this.ghosts.current;
    const tr = transitionOf(this.props.view);
    if (!ghost || !host || tr === 'cut') return;
    const { frames, ms } = ghostKeyframes(tr);
    const wrap = document.createElement('div');
    wrap.className = `scene-ghost scene-ghost--${tr}`;
    wrap.setAttribute('aria-hidden', 'true');
    wrap.inert = true;
    wrap.appendChild(ghost);
    host.appendChild(wrap);
    wrap.animate(frames, { duration: ms, easing: 'ease-in-out', fill: 'forwards' });
    setTimeout(() => wrap.remove(), ms + 50);
  }

  override render() {
    const { view, offset } = this.props;
    const Scene = sceneComponent(view.scene.kind);
    const key = sceneKey(view);
    // The first scene (from the cache or the first snapshot) shows without a build.
    if (this.shownKey !== undefined && key !== this.shownKey) this.cutSeen = true;
    this.shownKey = key;
    return (
      <div className="scene-stage">
        <div className="scene-layer" ref={this.layer} data-scene={view.scene.kind} data-transition={transitionOf(view)}>
          <Scene key={key} view={view} offset={offset} animate={this.cutSeen && transitionOf(view) !== 'cut'} />
        </div>
        <div className="scene-ghosts" ref={this.ghosts} />
      </div>
    );
  }
}
