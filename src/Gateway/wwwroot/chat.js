// The chat page: plain JavaScript, same-origin requests only (the page's Content-Security-Policy enforces it).
// Client text is only ever put into the page with textContent, never as HTML.
'use strict';

(() => {
  const STEPS = [
    ['1.1_goal_and_vision', 'Goal and vision'],
    ['1.1.5_psycho_education', 'How this works'],
    ['1.2_problem_and_body', 'Problem and body'],
    ['3.1_assess_readiness', 'Readiness'],
    ['3.1.5_alpha_permission', 'Permission'],
    ['3.2_alpha_sequence', 'Calming sequence'],
    ['stage_1_complete', 'Complete'],
  ];
  const KEY_STORE = 'trt.apiKey';
  const SESSION_STORE = 'trt.sessionId';
  const store = window.sessionStorage;
  const el = (id) => document.getElementById(id);
  const ui = {
    messages: el('messages'), status: el('status'), input: el('input'), send: el('send'), composer: el('composer'),
    sessionId: el('session-id'), newSession: el('new-session'), steps: el('steps'), substate: el('substate'),
    criteria: el('criteria'), crisis: el('crisis'), crisisList: el('crisis-resources'), keyForm: el('key-form'), key: el('api-key'),
  };

  let sessionId = store.getItem(SESSION_STORE);
  let busy = false;
  let waitUntil = 0;
  let waitTimer = null;
  // The message being sent and its request id: resending the same text after a lost answer reuses the id, so the
  // service answers with the stored reply instead of counting a second turn.
  let pending = null;

  function requestId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    return 'r' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function headers() {
    const h = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const key = store.getItem(KEY_STORE);
    if (key) h['X-API-Key'] = key;
    return h;
  }

  async function call(method, path, body) {
    let response;
    try {
      response = await fetch(path, {
        method, headers: headers(), cache: 'no-store',
        // No cookies or HTTP authentication: the key travels in X-API-Key, and a 401 must not open the browser's login prompt.
        credentials: 'omit',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      return { ok: false, kind: 'offline' };
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (response.ok) return { ok: true, data };
    const retry = parseInt(response.headers.get('Retry-After') || '', 10);
    return { ok: false, kind: 'http', status: response.status, data, retryAfter: Number.isFinite(retry) ? retry : null };
  }

  function setStatus(text, kind) {
    ui.status.textContent = text || '';
    ui.status.className = 'status' + (kind ? ' ' + kind : '');
  }

  function updateControls() {
    const waiting = Date.now() < waitUntil;
    ui.send.disabled = busy || waiting || !navigator.onLine;
    document.body.dataset.state = busy ? 'busy' : waiting ? 'waiting' : 'idle';
  }

  function waitFor(seconds, message) {
    waitUntil = Date.now() + seconds * 1000;
    clearInterval(waitTimer);
    const tick = () => {
      const left = Math.ceil((waitUntil - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(waitTimer);
        setStatus('You can send again now.', 'info');
      } else {
        setStatus(message.replace('{s}', String(left)), 'warn');
      }
      updateControls();
    };
    tick();
    waitTimer = setInterval(tick, 1000);
  }

  function showError(result) {
    if (result.kind === 'offline') {
      setStatus('You appear to be offline. Your message was kept: send it again when the connection is back.', 'error');
      return;
    }
    const detail = result.data && typeof result.data.message === 'string' ? result.data.message : '';
    switch (result.status) {
      case 429:
        waitFor(result.retryAfter || 10, 'Too many messages in a short time. You can send again in {s} s. Your message was kept.');
        return;
      case 401:
        setStatus('This service needs an API key: enter it under “API key”.', 'error');
        return;
      case 403:
        setStatus('This API key may not do that.', 'error');
        return;
      case 503:
        waitFor(result.retryAfter || 5, 'The service is temporarily unavailable. Try again in {s} s. Your message was kept.');
        return;
      default:
        setStatus((detail || 'Something went wrong') + ' (HTTP ' + result.status + ').', 'error');
    }
  }

  function addMessage(role, text, extraClass) {
    const item = document.createElement('li');
    item.className = 'message ' + role + (extraClass ? ' ' + extraClass : '');
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = role === 'client' ? 'You' : 'Guide';
    const body = document.createElement('p');
    body.textContent = text;
    item.append(who, body);
    ui.messages.append(item);
    item.scrollIntoView({ block: 'end' });
    return item;
  }

  function renderProgress(substate, criteria) {
    ui.substate.textContent = substate || 'not started';
    const current = STEPS.findIndex(([id]) => id === substate);
    ui.steps.replaceChildren(...STEPS.map(([id, label], i) => {
      const li = document.createElement('li');
      li.textContent = label;
      li.dataset.substate = id;
      li.className = i < current ? 'done' : i === current ? 'current' : '';
      if (i === current) li.setAttribute('aria-current', 'step');
      return li;
    }));
    ui.criteria.replaceChildren(...Object.entries(criteria || {}).map(([name, met]) => {
      const li = document.createElement('li');
      li.className = met ? 'met' : 'open';
      li.dataset.criterion = name;
      li.textContent = (met ? '✓ ' : '○ ') + name.replace(/_/g, ' ');
      return li;
    }));
  }

  function showCrisis(resources) {
    if (Array.isArray(resources) && resources.length > 0) {
      ui.crisisList.replaceChildren(...resources.map((r) => {
        const li = document.createElement('li');
        li.textContent = r;
        return li;
      }));
    }
    ui.crisis.classList.add('urgent');
    ui.crisis.setAttribute('role', 'alert');
    ui.crisis.scrollIntoView({ block: 'start' });
  }

  function setSession(id) {
    sessionId = id;
    if (id) store.setItem(SESSION_STORE, id); else store.removeItem(SESSION_STORE);
    ui.sessionId.textContent = id || 'none';
  }

  async function startSession() {
    const result = await call('POST', '/api/v1/session/create', { metadata: { platform: 'web' } });
    if (!result.ok) {
      showError(result);
      return false;
    }
    setSession(result.data.session_id);
    ui.messages.replaceChildren();
    renderProgress(null, {});
    ui.crisis.classList.remove('urgent');
    ui.crisis.removeAttribute('role');
    setStatus('New session started.', 'info');
    return true;
  }

  async function send(text) {
    if (!sessionId && !(await startSession())) return;
    if (!pending || pending.text !== text || pending.sessionId !== sessionId) {
      pending = { text, sessionId, requestId: requestId() };
    }
    busy = true;
    updateControls();
    setStatus('Sending…', 'info');
    const bubble = addMessage('client', text, 'pending');
    const result = await call('POST', '/api/v1/session/' + encodeURIComponent(sessionId) + '/input',
      { user_input: text, request_id: pending.requestId });
    busy = false;
    if (!result.ok) {
      bubble.remove();
      if (result.status === 404) {
        setSession(null);
        setStatus('This session has ended. Your message was kept: send it to start a new session.', 'error');
      } else {
        showError(result);
      }
      updateControls();
      return;
    }
    pending = null;
    bubble.classList.remove('pending');
    ui.input.value = '';
    const reply = result.data;
    const crisis = reply.safety && reply.safety.crisis;
    addMessage('guide', reply.therapist_response, crisis ? 'crisis' : '');
    if (crisis) showCrisis(reply.safety.resources);
    renderProgress(reply.session_progress.current_substate, reply.session_progress.completion_criteria);
    if (Date.now() >= waitUntil) setStatus('', '');
    updateControls();
    ui.input.focus();
  }

  async function restore() {
    ui.sessionId.textContent = sessionId || 'none';
    renderProgress(null, {});
    if (!sessionId) return;
    const status = await call('GET', '/api/v1/session/' + encodeURIComponent(sessionId) + '/status');
    if (!status.ok) {
      if (status.status === 404) setSession(null); else showError(status);
      return;
    }
    renderProgress(status.data.current_substate, status.data.completion_criteria);
    const history = await call('GET', '/api/v1/session/' + encodeURIComponent(sessionId) + '/history?limit=50');
    if (history.ok) {
      history.data.exchanges.slice().reverse().forEach((x) => {
        addMessage('client', x.client_input);
        addMessage('guide', x.therapist_response);
      });
    }
  }

  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.input.value;
    if (!text.trim() || ui.send.disabled) return;
    send(text);
  });
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.newSession.addEventListener('click', () => { pending = null; startSession(); });
  ui.keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = ui.key.value.trim();
    if (key) store.setItem(KEY_STORE, key); else store.removeItem(KEY_STORE);
    setStatus(key ? 'API key saved for this tab.' : 'API key removed.', 'info');
  });
  window.addEventListener('offline', () => {
    setStatus('You are offline. Messages cannot be sent until the connection is back.', 'error');
    updateControls();
  });
  window.addEventListener('online', () => {
    setStatus('Back online.', 'info');
    updateControls();
  });

  ui.key.value = store.getItem(KEY_STORE) || '';
  updateControls();
  restore().finally(() => { document.body.dataset.ready = 'true'; });
})();
