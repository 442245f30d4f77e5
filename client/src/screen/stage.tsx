// A fixed stage scaled to fit the window with a CSS transform, so the layout is designed once at
// the projector's size and stays proportional on any display. A 16:9 window gets the 1920x1080
// stage; a 4:3 projector (1024x768, 1400x1050 ...) its own 1440x1080 stage (B15), laid out for
// that shape instead of a letterboxed 16:9 picture a quarter smaller.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export const STAGE_W = 1920;
export const STAGE_W_4X3 = 1440;
export const STAGE_H = 1080;

/** The stage width for a window: 4:3 below an aspect of 1.55 (halfway to 16:9's 1.78). */
export function stageWidth(w: number, h: number): number {
  return w / h < 1.55 ? STAGE_W_4X3 : STAGE_W;
}

const StageWidth = createContext(STAGE_W);

/** The width of the stage a scene is drawn on (charts size themselves from it). */
export function useStageWidth(): number {
  return useContext(StageWidth);
}

function fit() {
  const w = window.innerWidth;
  const h = window.innerHeight;
  const width = stageWidth(w, h);
  const scale = Math.min(w / width, h / STAGE_H);
  return { width, scale, left: (w - width * scale) / 2, top: (h - STAGE_H * scale) / 2 };
}

export function Stage({ children }: { children: ReactNode }) {
  const [box, setBox] = useState(fit);
  useEffect(() => {
    const onResize = () => setBox(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <div className="stage-frame">
      <div
        className={`stage ${box.width === STAGE_W_4X3 ? 'stage--4x3' : ''}`}
        style={{ width: box.width, height: STAGE_H, transform: `translate(${box.left}px, ${box.top}px) scale(${box.scale})` }}
      >
        <StageWidth.Provider value={box.width}>{children}</StageWidth.Provider>
      </div>
    </div>
  );
}
