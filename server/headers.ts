// Security headers on every answer (helmet). The client is one bundle of files from this
// server: no inline script or style element, no eval, so the CSP allows scripts and style
// sheets from 'self' only. Style *attributes* set by React (widths, font sizes, transforms)
// go through the CSSOM, which style-src does not govern, so no 'unsafe-inline' is needed
// (e2e/csp.spec.ts loads every page under this policy and listens for violations).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The WebSocket origin of this very page: older Safari does not count ws: as 'self'. */
function socketOrigins(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  // A Host header is the client's own word; anything but a host[:port] is left out rather
  // than copied into the policy.
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `ws://${host} wss://${host}` : '';
}

function policy(frameable: boolean): RequestHandler {
  const h = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // QR codes are data: SVG; small font subsets are inlined by vite as data: URLs;
        // exports are downloaded through blob: links.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", (req: IncomingMessage, _res: ServerResponse) => socketOrigins(req)],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        // The console, the phones and the screen are never framed (clickjacking a vote or a
        // console button); only the overlay, which some video mixers frame.
        ...(frameable ? {} : { frameAncestors: ["'none'"] }),
      },
    },
    // The deputy's link token is in the URL path: no page ever sends it on as a Referer.
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: frameable ? false : { action: 'deny' },
    // Plain HTTP on the chamber LAN: HSTS belongs to a TLS proxy in front, if there is one.
    strictTransportSecurity: false,
  });
  return h as RequestHandler;
}

export function securityHeaders(): RequestHandler {
  const normal = policy(false);
  const overlay = policy(true);
  return (req, res, next) => {
    const path = req.path.replace(/\/+$/, '');
    const h = path === '/overlay' ? overlay : normal;
    h(req, res, (err?: unknown) => {
      if (err) return next(err);
      // The feed is meant to be read by mixers' data sources on other origins (docs/FEED.md).
      if (path.startsWith('/api/feed/')) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      next();
    });
  };
}
