// The overlay's URL options, for a vision mixer's browser source (OBS, vMix, CasparCG):
//   ?key=green|blue|magenta  a solid key colour instead of a transparent background
//   ?pos=bottom|top           where the lower third sits (inside the title-safe area)
//   ?guides=1                 draw the action-safe (93%) and title-safe (90%) frames
//   ?lang=en, ?meeting=<id>   as for /screen
export const KEY_COLOURS = { green: '#00b140', blue: '#0047bb', magenta: '#ff00ff' } as const;
export type KeyColour = keyof typeof KEY_COLOURS;

export interface OverlayOptions {
  key: KeyColour | null;
  pos: 'bottom' | 'top';
  guides: boolean;
}

const isKey = (x: string | null): x is KeyColour => x !== null && x in KEY_COLOURS;

export function overlayOptions(search: string): OverlayOptions {
  const q = new URLSearchParams(search);
  const key = q.get('key');
  return {
    key: isKey(key) ? key : null,
    pos: q.get('pos') === 'top' ? 'top' : 'bottom',
    guides: q.get('guides') === '1',
  };
}

/**
 * 1920x1080 safe areas (EBU R 95, SMPTE ST 2046-1): action-safe is the central 93% of each
 * dimension, title-safe the central 90%; the margins below are per side.
 */
export const SAFE = { width: 1920, height: 1080, action: 0.035, title: 0.05 } as const;
