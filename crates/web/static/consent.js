/*
 * Steward consent banner: static/consent.js. Hand-written ES2017, no dependencies, no build
 * step. How to embed it, its attributes (data-site-key, data-steward-url, data-region,
 * data-consent-mode, data-consent-default-granted, data-uet-consent, data-policy-url) and
 * gated scripts and embeds: README.md, "Consent", and static/consent-example.html.
 *
 * Loaded in <head> without defer, before any tag: Consent Mode defaults are set while this
 * top level runs. Nothing here uses inline script, inline style or innerHTML, so a shop's
 * strict CSP needs only Steward's origin in script-src, style-src and connect-src. If
 * Steward cannot be reached, nothing gated runs: failing closed is the point.
 *
 * Page API: window.Steward.open() (or any [data-steward-open] element) reopens the banner;
 * window.Steward.choices() returns {purpose: 'granted'|'withdrawn'|null}; each change fires
 * "steward:choices" on document.
 */
(() => {
  'use strict';
  if (window.Steward) return; // Included twice: the first copy owns the page.

  const BANNER_VERSION = '2';
  const CSS_PATH = '/static/consent.css'; // Served with its content hash written in.
  const GOOGLE_TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'];

  // currentScript is only set while this top level runs; capture it now.
  const me = document.currentScript || document.querySelector('script[data-site-key]');
  const attr = (name) => (me && me.getAttribute(name)) || '';
  const words = (name) => attr(name).split(/[\s,]+/).filter(Boolean);
  const siteKey = attr('data-site-key');
  const base = (attr('data-steward-url') || (me && me.src ? new URL(me.src).origin : ''))
    .replace(/\/+$/, '');
  const regionHint = attr('data-region').trim();

  let warned = false;
  const warn = (what, err) => {
    if (warned) return; // Once per page: a broken Steward must not flood the console.
    warned = true;
    console.warn(`Steward consent: ${what}`, err || '');
  };

  /* Consent Mode defaults: now, before any tag ------------------------------ */

  // "analytics:analytics_storage;marketing:ad_storage,ad_user_data" → {analytics: [...], ...}
  const consentMode = {};
  for (const pair of attr('data-consent-mode').split(';')) {
    const [key, types] = pair.split(':');
    if (key && types) {
      consentMode[key.trim()] = types.split(',').map((t) => t.trim()).filter(Boolean);
    }
  }
  const uetPurposes = words('data-uet-consent');

  // Google's own stub: gtag.js reads Arguments objects from dataLayer, never arrays.
  function gtag() {
    if (typeof window.gtag === 'function' && window.gtag !== gtag) window.gtag.apply(window, arguments);
    else (window.dataLayer = window.dataLayer || []).push(arguments);
  }
  if (Object.keys(consentMode).length) {
    if (me && (me.defer || me.async)) {
      warn('load consent.js without defer or async, before your Google tag, so Consent Mode defaults come first');
    }
    const types = new Set(GOOGLE_TYPES);
    Object.values(consentMode).forEach((ts) => ts.forEach((t) => types.add(t)));
    const all = (value) => {
      const out = {};
      types.forEach((t) => { out[t] = value; });
      return out;
    };
    gtag('consent', 'default', Object.assign(all('denied'), { wait_for_update: 500 }));
    const granted = words('data-consent-default-granted');
    if (granted.length) {
      gtag('consent', 'default', Object.assign(all('granted'), { region: granted, wait_for_update: 500 }));
    }
  }
  if (uetPurposes.length) {
    window.uetq = window.uetq || [];
    window.uetq.push('consent', 'default', { ad_storage: 'denied' });
  }

  /* State, replaced wholesale by every server answer ------------------------ */

  let purposes = []; // [{key, name, description, notice_version, notice_text, sale_or_sharing, necessary, services}]
  // A Map, not an object: a purpose keyed `constructor` must not find Object.prototype's.
  let recorded = new Map(); // purpose key → {status, notice_version, outdated}
  let gpc = navigator.globalPrivacyControl === true;
  let optOutModel = false; // California and similar: on until the visitor opts out.
  let receipt = null; // {id, recorded_at}
  let links = {};
  let loadedOnce = false;

  /* Visitor id ------------------------------------------------------------ */

  // An opaque random id in a first-party cookie, so the visitor's choices can
  // be found again. It identifies a browser, never a person (no email). The
  // cookie is strictly necessary for recording consent, so it needs none.
  function visitorId() {
    const found = document.cookie.match(/(?:^|;\s*)steward_visitor=([0-9a-f]{32})(?:;|$)/);
    if (found) return found[1];
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    document.cookie = `steward_visitor=${id}; path=/; max-age=34214400; SameSite=Lax` +
      (location.protocol === 'https:' ? '; Secure' : '');
    return id;
  }
  const visitor = visitorId();

  // The page's languages, best first: the tag's data-lang, the page's lang, the browser's.
  // Steward answers in the first it speaks, with the banner's words in that language.
  const langs = [attr('data-lang'), document.documentElement.lang, ...(navigator.languages || [])]
    .filter(Boolean).join(',');
  let strings = {};
  let lang = '';
  // What a gated embed says when Steward cannot be reached (and its words never arrive).
  const OFFLINE = { embed: 'This content is from {service}. Loading it shares data with {service}.',
    load: 'Load content', 'another-company': 'another company' };
  // A message with its {values} filled in.
  const t = (k, v = {}) => (strings[k] || OFFLINE[k] || '').replace(/\{(\w+)\}/g, (_, n) => v[n] ?? '');

  /* Server ---------------------------------------------------------------- */

  // GET reads the visitor's state, POST records choices; both answer with the
  // same shape, which replaces our state. No cookies cross to Steward.
  async function call(method, body) {
    // The read names the key in its query and sends no header of its own, so it stays a
    // CORS simple request: one round trip a page view, no pre-flight.
    const query = new URLSearchParams({ visitor, key: siteKey, lang: langs });
    if (regionHint) query.set('region', regionHint);
    const url = `${base}/api/v1/consent/banner` + (method === 'GET' ? `?${query}` : '');
    const headers = { Accept: 'application/json' };
    if (body) {
      headers['X-Steward-Site-Key'] = siteKey;
      headers['Content-Type'] = 'application/json';
      if (regionHint) body.region = regionHint;
      if (lang) body.language = lang;
    }
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
      optOutModel = !!(data.regime && data.regime.model === 'opt_out');
      receipt = data.receipt || null;
      links = data.links || {};
      strings = data.strings || strings;
      lang = data.language || lang;
      loadedOnce = true;
    } finally {
      clearTimeout(timer);
    }
  }

  /* Decisions ------------------------------------------------------------- */

  // Under GPC, a sale/sharing purpose is off and not ours to ask about.
  const gpcOff = (p) => !!p.sale_or_sharing && gpc;

  // What is in effect for a purpose. Opt-in: a grant given under an older
  // notice does not cover the new one, so it counts as no answer until asked
  // again. Opt-out: on until the visitor (or the GPC signal) opts out.
  function status(p) {
    if (p.necessary) return 'granted';
    if (gpcOff(p)) return 'withdrawn';
    const c = recorded.get(p.key);
    if (c && c.status === 'withdrawn') return 'withdrawn';
    if (c && c.status === 'granted' && (optOutModel || !c.outdated)) return 'granted';
    return optOutModel ? 'granted' : null;
  }

  // Opt-in: ask when a purpose was never answered, or answered under a notice since
  // replaced in the language it was read in (the server says which: each language's
  // notice has versions of its own).
  const mustAsk = () => !optOutModel && purposes.some((p) => {
    const c = recorded.get(p.key);
    return !p.necessary && !gpcOff(p) && (!c || c.outdated);
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
  function runGated(granted) {
    queue = queue.then(async () => {
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

  /* Embeds: iframes, images, media ----------------------------------------- */

  const EMBEDS = ['iframe', 'img', 'video', 'audio', 'embed']
    .map((t) => `${t}[data-steward-purpose]:not([data-steward-loaded])`).join(',');

  function loadEmbed(e) {
    e.setAttribute('data-steward-loaded', '');
    for (const x of [e, ...e.querySelectorAll('source[data-src]')]) {
      if (x.dataset.srcset) x.srcset = x.dataset.srcset;
      if (x.dataset.src) x.src = x.dataset.src;
    }
    if (e.load && e.querySelector('source')) e.load();
    if (hasPlaceholder(e)) e.previousElementSibling.remove();
    e.hidden = false;
  }

  // A placeholder that says what loading shares, and whom with, and can grant it.
  function placeholder(e, i) {
    const key = e.getAttribute('data-steward-purpose');
    const p = purposes.find((x) => x.key === key);
    const service = e.getAttribute('data-steward-service') ||
      (p && p.services && p.services[0] && p.services[0].name) || t('another-company');
    const id = `steward-ph${i}`;
    const box = el('div', { class: 'steward-placeholder', role: 'group', 'aria-labelledby': `${id}-t` },
      el('p', { class: 'steward-text', id: `${id}-t` },
        p ? t('embed-purpose', { service, purpose: p.name }) : t('embed', { service })),
      el('button', { type: 'button', class: 'steward-button', 'aria-describedby': `${id}-t`,
        onclick: () => grant(key) }, e.getAttribute('data-steward-label') || t('load')));
    e.hidden = true;
    e.before(box);
  }

  const hasPlaceholder = (e) => !!e.previousElementSibling &&
    e.previousElementSibling.classList.contains('steward-placeholder');

  function gateEmbeds(granted) {
    let i = 0;
    for (const e of document.querySelectorAll(EMBEDS)) {
      if (granted.has(e.getAttribute('data-steward-purpose'))) loadEmbed(e);
      else if (e.tagName !== 'IMG' && !hasPlaceholder(e)) placeholder(e, i++);
    }
  }

  /* Cookies and storage of withdrawn purposes ------------------------------- */

  const matches = (pattern, name) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;

  // A cookie goes only when named with the domain and path it was set with: try
  // this host, each parent domain, and the root and current paths.
  function expireCookie(name) {
    const parts = location.hostname.split('.');
    const domains = [''];
    for (let i = 0; i < parts.length - 1; i++) domains.push(`; domain=.${parts.slice(i).join('.')}`);
    for (const d of domains) {
      for (const path of new Set(['/', location.pathname])) {
        document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=${path}${d}`;
      }
    }
  }

  function forget(item) {
    if (item.kind === 'cookie') {
      document.cookie.split(';').map((c) => c.split('=')[0].trim())
        .filter((n) => n && matches(item.name, n)).forEach(expireCookie);
      return;
    }
    try {
      const store = item.kind === 'local_storage' ? localStorage : sessionStorage;
      Object.keys(store).filter((k) => matches(item.name, k)).forEach((k) => store.removeItem(k));
    } catch (e) { /* Storage blocked: nothing of ours to clear. */ }
  }

  // Clears what withdrawn purposes' services keep; returns what only the browser can clear.
  function clearWithdrawn() {
    const cannot = [];
    for (const p of purposes) {
      if (status(p) !== 'withdrawn') continue;
      for (const s of p.services || []) {
        for (const item of s.storage || []) {
          if (item.third_party) cannot.push(`${item.name} (${s.provider})`);
          else forget(item);
        }
      }
    }
    return cannot;
  }

  /* Telling tags ------------------------------------------------------------ */

  function tellTags() {
    const on = (key) => {
      const p = purposes.find((x) => x.key === key);
      return !!p && status(p) === 'granted';
    };
    const update = {};
    for (const key of Object.keys(consentMode)) {
      for (const type of consentMode[key]) {
        update[type] = on(key) && update[type] !== 'denied' ? 'granted' : 'denied';
      }
    }
    if (Object.keys(update).length) gtag('consent', 'update', update);
    if (uetPurposes.length) {
      window.uetq = window.uetq || [];
      window.uetq.push('consent', 'update', { ad_storage: uetPurposes.every(on) ? 'granted' : 'denied' });
    }
  }

  function apply() {
    const granted = new Set(purposes.filter((p) => status(p) === 'granted').map((p) => p.key));
    tellTags();
    runGated(granted);
    gateEmbeds(granted);
    const cannot = clearWithdrawn();
    document.dispatchEvent(new CustomEvent('steward:choices', { detail: choices() }));
    return cannot;
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
  let reopen = null; // The "Privacy choices" (or "Do Not Sell or Share") button.
  let live = null;   // Polite status for screen readers.
  let note = null;   // The last save's receipt, shown until closed.
  let saving = false;

  function say(text) {
    if (!live) return;
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 50); // Re-announce repeated text.
  }

  const day = (iso) => new Date(iso).toLocaleDateString(lang || document.documentElement.lang || undefined,
    { year: 'numeric', month: 'long', day: 'numeric' });

  function services(p) {
    if (!p.services || !p.services.length) return null;
    return el('ul', { class: 'steward-services' }, ...p.services.map((s) => el('li', {},
      s.privacy_url ? el('a', { href: s.privacy_url, class: 'steward-link', rel: 'noopener' }, s.name) : s.name,
      ` (${s.provider})`,
      s.storage && s.storage.length ? el('span', { class: 'steward-storage' },
        `: ${s.storage.map((i) => `${i.name}, ${i.lifetime}`).join('; ')}`) : null)));
  }

  function purposeItem(p, i) {
    const id = `steward-p${i}`;
    const off = gpcOff(p);
    const box = el('input', {
      type: 'checkbox', id, class: 'steward-checkbox',
      checked: p.necessary || status(p) === 'granted', // Opt-in: nothing ticked for a first visit.
      disabled: p.necessary || off,
      'aria-describedby': p.description ? `${id}-d` : null,
    });
    const li = el('li', { class: 'steward-purpose' },
      el('div', { class: 'steward-check' }, box,
        el('label', { for: id, class: 'steward-label' },
          el('span', { class: 'steward-name' }, p.name),
          p.sale_or_sharing && el('span', { class: 'steward-note' }, ` ${t('sale')}`),
          (p.necessary || off) && el('span', { class: 'steward-fixed' }, t(p.necessary ? 'always-on' : 'gpc')))),
      p.description && el('p', { class: 'steward-desc', id: `${id}-d` }, p.description),
      el('details', { class: 'steward-details' },
        el('summary', { class: 'steward-summary' }, t('notice'),
          el('span', { class: 'steward-vh' }, ` ${t('notice-for', { purpose: p.name })}`)),
        services(p),
        // Shown as text; CSS white-space: pre-wrap keeps its line breaks.
        el('div', { class: 'steward-notice' }, p.notice_text || '')));
    return { li, box, p };
  }

  function linkRow() {
    const policy = attr('data-policy-url') || links.policy;
    return el('p', { class: 'steward-links' },
      policy && el('a', { href: policy, class: 'steward-link' }, t('policy')),
      links.preferences && el('a', { href: links.preferences, class: 'steward-link' }, t('manage')),
      receipt && el('span', { class: 'steward-receipt' },
        t('your-choices-of', { date: day(receipt.recorded_at), receipt: receipt.id })));
  }

  async function save(pick, only) {
    if (saving) return false;
    saving = true;
    try {
      await call('POST', {
        visitor,
        choices: (only || optional()).map((p) => ({
          purpose: p.key,
          status: !gpcOff(p) && pick(p) ? 'granted' : 'withdrawn',
          notice_version: p.notice_version, // The notice the visitor was shown,
          notice_language: p.notice_language, // in this language.
        })),
        page_url: location.href,
        banner_version: BANNER_VERSION,
      });
    } catch (err) {
      warn('could not save choices; nothing changed', err);
      return false;
    } finally {
      saving = false;
    }
    const cannot = apply();
    showReceipt(cannot);
    return true;
  }

  // A placeholder's button: this purpose only; the visitor's other choices stay.
  async function grant(key) {
    const p = purposes.find((x) => x.key === key);
    if (!p || !(await save(() => true, [p]))) {
      say(t('failed-one'));
      return;
    }
    if (banner && !mustAsk()) close(false);
  }

  function showReceipt(cannot) {
    if (note) note.remove();
    const lines = [receipt ? t('saved-on', { date: day(receipt.recorded_at), receipt: receipt.id })
      : t('saved')];
    if (cannot.length) lines.push(t('cannot-remove', { names: cannot.join(', ') }));
    note = el('section', { class: 'steward-saved', role: 'region', 'aria-labelledby': 'steward-saved-t' },
      el('div', { class: 'steward-head' },
        el('h2', { class: 'steward-title', id: 'steward-saved-t' }, t('saved-title')),
        el('button', { type: 'button', class: 'steward-close', onclick: () => { note.remove(); note = null; } }, t('close'))),
      ...lines.map((l) => el('p', { class: 'steward-text' }, l)));
    document.body.append(note);
    say(lines.join(' '));
  }

  function open(focusPanel) {
    if (!live || !optional().length) return;
    close(false);
    if (note) { note.remove(); note = null; }
    // A visitor with every answer on record may leave without changing anything.
    const dismissible = !mustAsk();
    const items = purposes.map(purposeItem);
    const error = el('p', { class: 'steward-error', hidden: true });

    const panel = el('div', { class: 'steward-panel', id: 'steward-panel', hidden: true },
      el('ul', { class: 'steward-purposes' }, ...items.map((x) => x.li)),
      el('div', { class: 'steward-actions steward-sticky' },
        button(t('save'), () => submit((p) => items.find((x) => x.p === p).box.checked))));

    const choose = button(t(optOutModel ? 'choose-purpose' : 'choose'), () => expand(panel.hidden));
    choose.setAttribute('aria-expanded', 'false');
    choose.setAttribute('aria-controls', 'steward-panel');

    function expand(on) {
      panel.hidden = !on;
      choose.setAttribute('aria-expanded', String(on));
    }

    async function submit(pick) {
      error.hidden = true;
      if (await save(pick)) {
        close(true);
        if (optOutModel) remember();
        return;
      }
      error.textContent = t('failed');
      error.hidden = false;
      say(error.textContent);
    }

    const heading = el('h2', { class: 'steward-title', id: 'steward-title', tabindex: '-1' },
      t(optOutModel ? 'notice-title' : 'title'));

    // Opt-in: three equal buttons, rejecting exactly as easy as accepting.
    // Opt-out: the statutory link's words, and a way to choose purpose by purpose.
    const actions = optOutModel
      ? [button(t('dns'), () => submit((p) => !p.sale_or_sharing && status(p) === 'granted')), choose]
      : [button(t('accept'), () => submit(() => true)), button(t('reject'), () => submit(() => false)), choose];
    const text = t(optOutModel ? 'text-optout' : 'text');

    // A region, not a modal: the page stays usable while the banner is open.
    banner = el('section', {
      class: 'steward-banner', role: 'region', 'aria-labelledby': 'steward-title',
      onkeydown: (e) => {
        if (e.key !== 'Escape') return;
        if (!panel.hidden) { expand(false); choose.focus(); } // Escape backs out of Choose.
        else if (dismissible) { if (optOutModel) remember(); close(true); }
        else return;
        e.preventDefault();
      },
    },
      el('div', { class: 'steward-head' }, heading,
        dismissible && el('button', {
          type: 'button', class: 'steward-close',
          onclick: () => { if (optOutModel) remember(); close(true); },
        }, t('close'))),
      el('p', { class: 'steward-text' }, text),
      el('div', { class: 'steward-actions' }, ...actions),
      panel,
      linkRow(),
      error);

    // First in the body, so screen readers meet it early; CSS pins it to the bottom.
    document.body.prepend(banner);
    reopen.hidden = true;
    if (focusPanel) expand(true);
    heading.focus({ preventScroll: true });
  }

  // The notice at collection is shown until read once on this browser.
  const NOTICE_KEY = 'steward_notice_seen';
  function remember() {
    try { localStorage.setItem(NOTICE_KEY, '1'); } catch (e) { /* Shown again next time. */ }
  }
  function noticeSeen() {
    try { return localStorage.getItem(NOTICE_KEY) === '1'; } catch (e) { return false; }
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

  window.Steward = { open: () => open(false), choices };

  if (!siteKey || !base) {
    warn('data-site-key or the Steward URL is missing; no gated script will run');
    return;
  }

  // Start the request and the stylesheet now, while the page still parses.
  const loaded = call('GET');
  const css = el('link', { rel: 'stylesheet', href: `${base}${CSS_PATH}` });
  const styled = new Promise((r) => { css.onload = css.onerror = r; setTimeout(r, 3000); });
  document.head.append(css);
  const ready = new Promise((r) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', r, { once: true });
    else r();
  });

  Promise.all([loaded, ready, styled]).then(() => {
    reopen = el('button', { type: 'button', class: 'steward-reopen', hidden: true, onclick: () => open(optOutModel) },
      t(optOutModel ? 'dns' : 'reopen'));
    live = el('div', { class: 'steward-vh', role: 'status', 'aria-live': 'polite' });
    document.body.append(reopen, live);
    for (const o of document.querySelectorAll('[data-steward-open]')) {
      o.addEventListener('click', (e) => { e.preventDefault(); open(optOutModel); });
    }
    apply(); // Whatever is already granted (and necessary) runs even while we ask.
    if (mustAsk() || (optOutModel && !recorded.size && !noticeSeen() && optional().length)) open(false);
    else reopen.hidden = !optional().length;
  }, (err) => {
    warn('could not load consent settings; no gated script will run', err);
    ready.then(() => { if (!loadedOnce) gateEmbeds(new Set()); });
  });
})();
