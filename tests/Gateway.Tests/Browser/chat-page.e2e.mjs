// End-to-end check of the chat page in Debian's Chromium, driven by playwright-core (no browser download).
// Started by ChatPageBrowserTests with BASE_URL (a running gateway) and ARTIFACTS_DIR; exits non-zero on failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const baseUrl = process.env.BASE_URL;
const artifacts = process.env.ARTIFACTS_DIR;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const apiKey = process.env.API_KEY || 'key-for-the-browser-test';
const keyRequired = process.env.API_KEY_REQUIRED === '1';
const timeout = 30_000;
if (!baseUrl || !artifacts) throw new Error('BASE_URL and ARTIFACTS_DIR are required');
mkdirSync(artifacts, { recursive: true });

const step = (name) => console.log(`step: ${name}`);
const check = (condition, message) => { if (!condition) throw new Error(`check failed: ${message}`); };

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const foreign = [];
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const origin = new URL(baseUrl).origin;
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  step('page loads');
  await page.goto(baseUrl + '/');
  await page.waitForSelector('body[data-ready="true"]');
  check((await page.title()) === 'TRT conversation', 'title');
  check((await page.textContent('#disclaimer')).includes('not a substitute for professional care'), 'disclaimer');
  check(await page.isVisible('#crisis'), 'crisis resources visible from the start');
  check((await page.textContent('#crisis-resources')).includes('988'), 'crisis resources listed');

  if (keyRequired) {
    step('without a key the page says one is needed and keeps the message');
    await page.fill('#input', 'Hi. I have been on edge for weeks.');
    await page.press('#input', 'Enter');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('needs an API key'));
    check((await page.inputValue('#input')) === 'Hi. I have been on edge for weeks.', 'message kept after 401');
  }

  step('the API key is kept in sessionStorage and sent');
  await page.fill('#api-key', apiKey);
  await page.click('#key-form button');
  check(await page.evaluate(() => sessionStorage.getItem('trt.apiKey')) === apiKey, 'key in sessionStorage');

  const guideCount = () => page.locator('.message.guide').count();
  async function say(text) {
    const before = await guideCount();
    const sent = page.waitForRequest((r) => r.url().endsWith('/input') && r.method() === 'POST');
    await page.fill('#input', text);
    await page.press('#input', 'Enter');
    const request = await sent;
    check(request.headers()['x-api-key'] === apiKey, 'X-API-Key header sent');
    await page.waitForFunction((n) => document.querySelectorAll('.message.guide').length > n, before);
    await page.waitForSelector('body[data-state="idle"]');
  }

  step('a short conversation reaches 1.1.5_psycho_education');
  await say('Hi. I have been on edge for weeks.');
  check((await page.textContent('#session-id')) !== 'none', 'a session was started');
  await say('I want to feel calm and at peace.');
  await say('Yes, that sounds right.');
  await page.waitForFunction(() => document.getElementById('substate').textContent === '1.1.5_psycho_education');
  check(await page.isVisible('#steps li.current[data-substate="1.1.5_psycho_education"]'), 'progress shows the current step');
  check(await page.isVisible('#criteria li.met[data-criterion="psycho_education_provided"]'), 'criteria show psycho_education_provided met');
  check(await page.isVisible('#criteria li.open[data-criterion="ready_for_stage_2"]'), 'criteria show open ones');
  check((await page.locator('.message.client').count()) === 3, 'three client messages shown');
  await page.screenshot({ path: join(artifacts, 'chat-conversation.png'), fullPage: true });

  step('429: the wait is shown and the message kept');
  await page.route('**/input', (route) => route.fulfill({
    status: 429,
    headers: { 'Retry-After': '2', 'Content-Type': 'application/problem+json' },
    body: JSON.stringify({ status: 429, error: 'rate_limited', message: 'More than 10 inputs within a minute on this session; retry later' }),
  }), { times: 1 });
  await page.fill('#input', 'It makes sense.');
  await page.press('#input', 'Enter');
  await page.waitForFunction(() => /send again in \d+ s/.test(document.getElementById('status').textContent));
  check(await page.isDisabled('#send'), 'send disabled while waiting');
  check((await page.inputValue('#input')) === 'It makes sense.', 'message kept after 429');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('send again now'));
  check(await page.isEnabled('#send'), 'send enabled after the wait');

  step('offline: sending is refused with a clear message');
  await context.setOffline(true);
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('offline'));
  check(await page.isDisabled('#send'), 'send disabled while offline');
  await context.setOffline(false);
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('Back online'));

  step('errors: a server error is reported, the message kept');
  await page.route('**/input', (route) => route.fulfill({
    status: 503,
    headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' },
    body: JSON.stringify({ status: 503, error: 'service_unavailable', message: 'The service is temporarily unavailable; retry shortly' }),
  }), { times: 1 });
  await page.press('#input', 'Enter');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('temporarily unavailable'));
  check((await page.inputValue('#input')) === 'It makes sense.', 'message kept after 503');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('send again now'));

  step('a crisis message shows the resources prominently');
  await say('I want to kill myself.');
  await page.waitForSelector('.message.guide.crisis');
  await page.waitForSelector('#crisis.urgent[role="alert"]');
  check(await page.isVisible('#crisis'), 'crisis panel visible');
  check((await page.locator('#crisis-resources li').count()) > 0, 'resources listed');
  await page.screenshot({ path: join(artifacts, 'chat-crisis.png'), fullPage: true });

  check(pageErrors.length === 0, `no script errors (${pageErrors.join('; ')})`);
  check(foreign.length === 0, `no request left the gateway (${foreign.join(', ')})`);
  console.log(`screenshots: ${join(artifacts, 'chat-conversation.png')} ${join(artifacts, 'chat-crisis.png')}`);
  console.log('chat page: all checks passed');
} finally {
  await browser.close();
}
