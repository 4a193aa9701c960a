/*
 * Steward consent banner: static/consent.js
 *
 * Hand-written, plain ES2017, no dependencies, no build step. A shop embeds it:
 *
 *   <script src="https://steward.example/static/consent.js" data-site-key="sk_…" defer
 *           data-consent-mode="analytics:analytics_storage;marketing:ad_storage,ad_user_data"></script>
 *
 * Attributes
 *   data-site-key      (required) the shop's site key, sent as X-Steward-Site-Key.
 *   data-steward-url   (optional) Steward's base URL. Wins over the default,
 *                      which is the origin of this script's own src.
 *   data-consent-mode  (optional) Google Consent Mode v2: "purpose:type,type;…".
 *                      When window.gtag is a function, every mapped type is sent
 *                      as gtag('consent', 'update', {type: 'granted'|'denied'})
 *                      once choices are known and after every change. A type
 *                      mapped from several purposes is granted only when all are.
 *
 * Gated scripts: write them as
 *   <script type="text/plain" data-steward-purpose="analytics" src="…"></script>
 * The browser ignores text/plain, so nothing runs until this file swaps in a
 * real <script>, and only for a purpose the visitor granted (or a necessary
 * one). If Steward cannot be reached, none run: failing closed is the point.
 *
 * The shop's CSP must allow Steward's origin in script-src, style-src
 * (consent.css) and connect-src (the API). Nothing here uses inline script,
 * inline style or innerHTML, so no 'unsafe-inline' is needed.
 *
 * Page API: window.Steward.open() reopens the banner; window.Steward.choices()
 * returns {purpose: 'granted'|'withdrawn'|null}. Each change also fires a
 * "steward:choices" event on document with the same object as detail.
 */
(() => {
  'use strict';
  if (window.Steward) return; // Included twice: the first copy owns the page.

  const BANNER_VERSION = '1';
  const GPC_TEXT = "Off: your browser's Global Privacy Control signal was honoured";

  // currentScript is only set while this top level runs; capture it now.
  const me = document.currentScript || document.querySelector('script[data-site-key]');
  const attr = (name) => (me && me.getAttribute(name)) || '';
  const siteKey = attr('data-site-key');
  const base = (attr('data-steward-url') || (me && me.src ? new URL(me.src).origin : ''))
    .replace(/\/+$/, '');

  // "analytics:analytics_storage;marketing:ad_storage,ad_user_data" → {analytics: [...], ...}
  const consentMode = {};
  for (const pair of attr('data-consent-mode').split(';')) {
    const [key, types] = pair.split(':');
    if (key && types) {
      consentMode[key.trim()] = types.split(',').map((t) => t.trim()).filter(Boolean);
    }
  }

  // State, replaced wholesale by every server answer.
  let purposes = []; // [{key, name, description, notice_version, notice_text, sale_or_sharing, necessary}]
  // A Map, not an object: a purpose keyed `constructor` or `toString` must not find
  // Object.prototype's member and count as answered.
  let recorded = new Map(); // purpose key → {status, notice_version}
  let gpc = navigator.globalPrivacyControl === true;

  let warned = false;
  const warn = (what, err) => {
    if (warned) return; // Once per page: a broken Steward must not flood the console.
    warned = true;
    console.warn(`Steward consent: ${what}`, err);
  };

  /* Visitor id ------------------------------------------------------------ */

  // An opaque random id in a first-party cookie, so the visitor's choices can
  // be found again. It identifies a browser, never a person (no email). Only
  // written when new: the fixed one-year life means we ask again after a year.
  // The cookie is strictly necessary for recording consent, so it needs none.
  function visitorId() {
    const found = document.cookie.match(/(?:^|;\s*)steward_visitor=([0-9a-f]{32})(?:;|$)/);
    if (found) return found[1];
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    document.cookie = `steward_visitor=${id}; path=/; max-age=31536000; SameSite=Lax` +
      (location.protocol === 'https:' ? '; Secure' : '');
    return id;
  }
  const visitor = visitorId();

  /* Server ---------------------------------------------------------------- */

  // GET reads the visitor's state, POST records choices; both answer with the
  // same shape, which replaces our state. No cookies cross to Steward.
  async function call(method, body) {
    const url = `${base}/api/v1/consent/banner` +
      (method === 'GET' ? `?visitor=${encodeURIComponent(visitor)}` : '');
    const headers = { 'X-Steward-Site-Key': siteKey, Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 15000); // Never hang on a dead server.
    try {
      const res = await fetch(url, {
        method, headers, body: body && JSON.stringify(body),
        credentials: 'omit', mode: 'cors', signal: abort.signal,
      });
      const data = await res.json().catch(() => null);
      if (!res.ok) {
        const why = data && data.error ? `: ${data.error}${data.field ? ` (${data.field})` : ''}` : '';
        throw new Error(`HTTP ${res.status}${why}`);
      }
      if (!data || !Array.isArray(data.purposes) || !Array.isArray(data.choices)) {
        throw new Error('unexpected answer');
      }
      purposes = data.purposes;
      recorded = new Map(data.choices.map((c) => [c.purpose, c]));
      gpc = navigator.globalPrivacyControl === true || !!(data.gpc && data.gpc.honoured);
    } finally {
      clearTimeout(timer);
    }
  }

  /* Decisions ------------------------------------------------------------- */

  // Under GPC, a sale/sharing purpose is off and not ours to ask about.
  const gpcOff = (p) => !!p.sale_or_sharing && gpc;

  // What is in effect for a purpose. A grant given under an older notice does
  // not cover the new one, so it counts as no answer until asked again.
  function status(p) {
    if (p.necessary) return 'granted';
    if (gpcOff(p)) return 'withdrawn';
    const c = recorded.get(p.key);
    if (!c) return null;
    if (c.status === 'withdrawn') return 'withdrawn';
    return c.status === 'granted' && c.notice_version >= p.notice_version ? 'granted' : null;
  }

  // Ask when a purpose was never answered, or answered under an older notice.
  const mustAsk = () => purposes.some((p) => {
    const c = recorded.get(p.key);
    return !p.necessary && !gpcOff(p) && (!c || c.notice_version < p.notice_version);
  });

  const optional = () => purposes.filter((p) => !p.necessary);

  function choices() {
    const out = {};
    for (const p of purposes) out[p.key] = status(p);
    return out;
  }

  /* Applying choices ------------------------------------------------------ */

  // Runs each granted gated script once, in document order. Runs are queued so
  // two quick changes cannot start the same script twice. A withdrawal only
  // takes effect on the next page load: code that already ran cannot be un-run.
  let queue = Promise.resolve();
  function runGated() {
    queue = queue.then(async () => {
      const granted = new Set(purposes.filter((p) => status(p) === 'granted').map((p) => p.key));
      for (const old of document.querySelectorAll('script[type="text/plain"][data-steward-purpose]')) {
        const purpose = old.getAttribute('data-steward-purpose');
        if (!granted.has(purpose) || !old.parentNode) continue;
        const s = document.createElement('script');
        for (const a of Array.from(old.attributes)) {
          if (a.name !== 'type' && a.name !== 'data-steward-purpose') s.setAttribute(a.name, a.value);
        }
        s.setAttribute('data-steward-ran', purpose); // No longer matches the selector above.
        if (old.nonce) s.nonce = old.nonce; // The nonce attribute reads back empty; copy the property.
        // Inserted scripts run async; wait for each external one so order holds.
        const done = s.src ? new Promise((r) => { s.onload = s.onerror = r; }) : null;
        if (!done) s.text = old.text;
        old.replaceWith(s);
        if (done) await done;
      }
    });
  }

  function tellGoogle() {
    if (typeof window.gtag !== 'function') return;
    const update = {};
    for (const key of Object.keys(consentMode)) {
      const p = purposes.find((x) => x.key === key);
      const on = !!p && status(p) === 'granted';
      for (const type of consentMode[key]) {
        update[type] = on && update[type] !== 'denied' ? 'granted' : 'denied';
      }
    }
    if (Object.keys(update).length) window.gtag('consent', 'update', update);
  }

  function apply() {
    tellGoogle();
    runGated();
    document.dispatchEvent(new CustomEvent('steward:choices', { detail: choices() }));
  }

  /* DOM ------------------------------------------------------------------- */

  // el('p', {class: 'x'}, 'text', child): text always goes in as text nodes,
  // so server strings can never become markup.
  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, '');
      else if (v !== false && v != null) e.setAttribute(k, v);
    }
    e.append(...kids.filter((k) => k != null && k !== false));
    return e;
  }

  let banner = null; // The open <section>, or null.
  let reopen = null; // The "Privacy choices" button.
  let live = null;   // Polite status for screen readers.
  let saving = false;

  function say(text) {
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 50); // Re-announce repeated text.
  }

  function purposeItem(p, i) {
    const id = `steward-p${i}`;
    const off = gpcOff(p);
    const box = el('input', {
      type: 'checkbox', id, class: 'steward-checkbox',
      checked: p.necessary || status(p) === 'granted', // Nothing ticked for a first visit.
      disabled: p.necessary || off,
      'aria-describedby': p.description ? `${id}-d` : null,
    });
    const li = el('li', { class: 'steward-purpose' },
      el('div', { class: 'steward-check' }, box,
        el('label', { for: id, class: 'steward-label' },
          el('span', { class: 'steward-name' }, p.name),
          p.sale_or_sharing && el('span', { class: 'steward-note' }, ' (sale or sharing of personal information)'),
          (p.necessary || off) && el('span', { class: 'steward-fixed' }, p.necessary ? 'Always on' : GPC_TEXT))),
      p.description && el('p', { class: 'steward-desc', id: `${id}-d` }, p.description),
      el('details', { class: 'steward-details' },
        el('summary', { class: 'steward-summary' }, 'Read the notice',
          el('span', { class: 'steward-vh' }, ` for ${p.name}`)),
        // Shown as text; CSS white-space: pre-wrap keeps its line breaks.
        el('div', { class: 'steward-notice' }, p.notice_text || '')));
    return { li, box, p };
  }

  function open() {
    if (!live || !optional().length) return;
    close(false);
    // A visitor with every answer on record may leave without changing anything.
    const dismissible = !mustAsk();
    const items = purposes.map(purposeItem);
    const error = el('p', { class: 'steward-error', hidden: true });

    const panel = el('div', { class: 'steward-panel', id: 'steward-panel', hidden: true },
      el('ul', { class: 'steward-purposes' }, ...items.map((x) => x.li)),
      el('div', { class: 'steward-actions' },
        button('Save my choices', () => save((p) => items.find((x) => x.p === p).box.checked))));

    const choose = button('Choose', () => expand(panel.hidden));
    choose.setAttribute('aria-expanded', 'false');
    choose.setAttribute('aria-controls', 'steward-panel');

    function expand(on) {
      panel.hidden = !on;
      choose.setAttribute('aria-expanded', String(on));
    }

    async function save(pick) {
      if (saving) return;
      saving = true;
      error.hidden = true;
      try {
        await call('POST', {
          visitor,
          choices: optional().map((p) => ({
            purpose: p.key,
            status: !gpcOff(p) && pick(p) ? 'granted' : 'withdrawn',
            notice_version: p.notice_version, // The notice the visitor was shown.
          })),
          page_url: location.href,
          banner_version: BANNER_VERSION,
        });
      } catch (err) {
        warn('could not save choices; nothing changed', err);
        error.textContent = 'Your choices could not be saved. Please try again.';
        error.hidden = false;
        say(error.textContent);
        return;
      } finally {
        saving = false;
      }
      close(true);
      say('Your choices were saved.');
      apply();
    }

    const heading = el('h2', { class: 'steward-title', id: 'steward-title', tabindex: '-1' },
      'Your privacy choices');

    // A region, not a modal: the page stays usable while the banner is open.
    banner = el('section', {
      class: 'steward-banner', role: 'region', 'aria-labelledby': 'steward-title',
      onkeydown: (e) => {
        if (e.key !== 'Escape') return;
        if (!panel.hidden) { expand(false); choose.focus(); } // Escape backs out of Choose.
        else if (dismissible) close(true);
        else return;
        e.preventDefault();
      },
    },
      el('div', { class: 'steward-head' }, heading,
        dismissible && el('button', { type: 'button', class: 'steward-close', onclick: () => close(true) }, 'Close')),
      el('p', { class: 'steward-text' },
        'We ask before using your information for anything this site does not need to work. ' +
        'You can change your mind at any time with the “Privacy choices” button.'),
      // Three equal buttons: rejecting is exactly as easy as accepting.
      el('div', { class: 'steward-actions' },
        button('Accept all', () => save(() => true)),
        button('Reject all', () => save(() => false)),
        choose),
      panel,
      error);

    // First in the body, so screen readers meet it early; CSS pins it to the bottom.
    document.body.prepend(banner);
    reopen.hidden = true;
    heading.focus({ preventScroll: true });
  }

  function button(text, onclick) {
    return el('button', { type: 'button', class: 'steward-button', onclick }, text);
  }

  function close(returnFocus) {
    if (banner) {
      const hadFocus = banner.contains(document.activeElement);
      banner.remove();
      banner = null;
      reopen.hidden = !optional().length;
      if (returnFocus && hadFocus && !reopen.hidden) reopen.focus();
    }
  }

  /* Start ----------------------------------------------------------------- */

  window.Steward = { open, choices };

  if (!siteKey || !base) {
    warn('data-site-key or the Steward URL is missing; no gated script will run');
    return;
  }

  // Start the request and the stylesheet now, while the page still parses.
  const loaded = call('GET');
  const css = el('link', { rel: 'stylesheet', href: `${base}/static/consent.css` });
  const styled = new Promise((r) => { css.onload = css.onerror = r; setTimeout(r, 3000); });
  document.head.append(css);
  const ready = new Promise((r) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', r, { once: true });
    else r();
  });

  Promise.all([loaded, ready, styled]).then(() => {
    reopen = el('button', { type: 'button', class: 'steward-reopen', hidden: true, onclick: open },
      'Privacy choices');
    live = el('div', { class: 'steward-vh', role: 'status', 'aria-live': 'polite' });
    document.body.append(reopen, live);
    apply(); // Whatever is already granted (and necessary) runs even while we ask.
    if (mustAsk()) open();
    else reopen.hidden = !optional().length;
  }, (err) => warn('could not load consent settings; no gated script will run', err));
})();
