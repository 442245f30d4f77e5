// A fixed 1920x1080 stage scaled to fit the window with a CSS transform, so the layout is
// designed once at the projector's size and stays proportional on any display.
import { useEffect, useState, type ReactNode } from 'react';

export const STAGE_W = 1920;
export const STAGE_H = 1080;

function fit() {
  const w = window.innerWidth;
  const h = window.innerHeight;
  const scale = Math.min(w / STAGE_W, h / STAGE_H);
  return { scale, left: (w - STAGE_W * scale) / 2, top: (h - STAGE_H * scale) / 2 };
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
        className="stage"
        style={{ width: STAGE_W, height: STAGE_H, transform: `translate(${box.left}px, ${box.top}px) scale(${box.scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
