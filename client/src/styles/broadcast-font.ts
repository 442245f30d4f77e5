// The full self-hosted Noto Sans SC (fontsource: ~100 pieces by Unicode range, loaded as
// characters appear) for the big screen, the overlay, the console and the public pages. The
// deputy's phone does not load this: the server gives it one subset per meeting instead
// (server/fonts/phone-font.ts), so app.tsx imports this module only beside the lazy pages.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
