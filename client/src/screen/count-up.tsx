// The result reveal's animated build: bars grow from 0 to their length. Only when the scene
// was cut to live (`animate`); a reloaded screen shows the final state at once. Figures never
// count (B16): a camera may cut mid-build, so every number on screen is final in every frame.
import { useEffect, useState } from 'react';

export const BUILD_MS = 1200;

/** Progress 0..1 of the build, eased out; 1 at once when not animating. */
export function useBuild(animate: boolean, delayMs = 0): number {
  const [p, setP] = useState(animate ? 0 : 1);
  useEffect(() => {
    if (!animate) return undefined;
    let raf = 0;
    const start = performance.now() + delayMs;
    const step = (now: number) => {
      const x = Math.min(1, Math.max(0, (now - start) / BUILD_MS));
      setP(1 - (1 - x) ** 3);
      if (x < 1) raf = requestAnimationFrame(step);
    };
    raf = requestAnimationFrame(step);
    return () => cancelAnimationFrame(raf);
  }, [animate, delayMs]);
  return p;
}
