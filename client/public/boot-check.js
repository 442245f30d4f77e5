/* Runs before the app on the deputy's link (/d/<token>), as a classic script in ES5 syntax, so
   that a phone too old for the app's bundle still runs it. If the app does not start (no ES
   module support, the bundle fails to load or to parse, an error while it starts) it sends the
   deputy to the plain page (/d/<token>/plain), which needs no JavaScript. The app marks itself
   started with data-booted on <html> (client/src/booted.tsx). Served as a file: the CSP allows
   no inline script. The device id goes along in a cookie, so the link's device binding sees
   the same phone on both pages (server/plain/seal.ts). */
(function () {
  'use strict';
  var m = /^\/d\/([A-Za-z0-9_-]{1,100})\/*$/.exec(window.location.pathname);
  if (!m) return; // the console, the screen and the rest never fall back
  var token = m[1];
  var plain = '/d/' + token + '/plain' + (/[?&]lang=en(&|$)/.test(window.location.search) ? '?lang=en' : '');
  var ID = /^[A-Za-z0-9_-]{8,100}$/;
  var gone = false;

  function started() {
    return document.documentElement.getAttribute('data-booted') === '1';
  }

  function shareDevice() {
    try {
      var id = window.localStorage.getItem('wz.device');
      var had = /(?:^|;\s*)wz_device=([A-Za-z0-9_-]{8,100})/.exec(document.cookie);
      if (id && ID.test(id)) {
        document.cookie = 'wz_device=' + id + '; path=/d/' + token + '; max-age=31536000; samesite=strict';
      } else if (had) {
        window.localStorage.setItem('wz.device', had[1]);
      }
    } catch (e) {
      /* storage off: each page binds as it can */
    }
  }

  function fallBack() {
    if (gone || started()) return;
    gone = true;
    shareDevice();
    window.location.replace(plain);
  }

  shareDevice();
  // A browser without ES modules skips the bundle's <script type="module"> altogether.
  if (!('noModule' in document.createElement('script'))) return fallBack();
  // A script that fails to load (target is the element) or to parse or run (an ErrorEvent);
  // other failed resources (an image) are no sign the app is down.
  window.addEventListener(
    'error',
    function (e) {
      var el = e.target;
      if (e.message !== undefined || (el && el.tagName === 'SCRIPT')) window.setTimeout(fallBack, 1500);
    },
    true
  );
  // Module scripts run before 'load'; an app that has not started a few seconds later never will.
  window.addEventListener('load', function () {
    window.setTimeout(fallBack, 4000);
  });
})();
