// The scene layer with a dissolve between scenes: when the scene changes, a frozen copy of the
// outgoing scene's DOM (test ids stripped, inert) lies on top and fades out while the new
// scene is already in place underneath. No frame is ever blank or half-built.
import { Component, createRef } from 'react';
import type { ScreenView } from '../../../shared/views.js';
import { sceneComponent } from './scene-map.js';

export const DISSOLVE_MS = 450;

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
    if (sceneKey(prev.view) === sceneKey(this.props.view)) return null;
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
    if (!ghost || !host) return;
    const wrap = document.createElement('div');
    wrap.className = 'scene-ghost';
    wrap.setAttribute('aria-hidden', 'true');
    wrap.inert = true;
    wrap.appendChild(ghost);
    host.appendChild(wrap);
    wrap.animate([{ opacity: 1 }, { opacity: 0 }], { duration: DISSOLVE_MS, easing: 'ease-in-out', fill: 'forwards' });
    setTimeout(() => wrap.remove(), DISSOLVE_MS + 50);
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
        <div className="scene-layer" ref={this.layer} data-scene={view.scene.kind}>
          <Scene key={key} view={view} offset={offset} animate={this.cutSeen} />
        </div>
        <div className="scene-ghosts" ref={this.ghosts} />
      </div>
    );
  }
}
