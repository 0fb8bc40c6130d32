/** The simulator's page: what a person does in Twilio's console and on the customer's phone. */
export function page(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Twilio simulator</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.4; color: #1b1b1b; }
  section { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.5rem 1rem 1rem; margin-bottom: 1rem; }
  label { display: block; font-weight: 600; margin-top: 0.5rem; }
  input, select, textarea, button { font: inherit; }
  input[type=url], input[type=text], input[type=tel], textarea, select { width: 100%; box-sizing: border-box; padding: 0.3rem; }
  button { margin-top: 0.75rem; padding: 0.35rem 0.9rem; }
  :focus-visible { outline: 3px solid #005fb8; outline-offset: 2px; }
  code { background: #f0f0f0; padding: 0 0.25rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; text-align: left; padding: 0.3rem; vertical-align: top; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
</style>
</head>
<body>
<header><h1>Twilio simulator</h1>
<p>A stand-in for Twilio on this computer. Its SIDs and tokens are fake and work only here.</p></header>
<main>
<p id="notice" role="status" aria-live="polite"></p>
<section aria-labelledby="account-heading">
  <h2 id="account-heading">Account</h2>
  <label for="account">Simulated account</label>
  <select id="account"></select>
  <dl>
    <dt>Account SID</dt><dd><code id="account-sid"></code></dd>
    <dt>Auth token</dt><dd>Printed in the terminal where the simulator runs.</dd>
    <dt>Sandbox</dt><dd id="sandbox"></dd>
  </dl>
</section>
<section aria-labelledby="inbound-heading">
  <h2 id="inbound-heading">Sandbox settings</h2>
  <form id="inbound-form">
    <label for="inbound-url">WHEN A MESSAGE COMES IN</label>
    <input id="inbound-url" type="url" placeholder="https://example.com/webhooks/twilio/whatsapp/…" aria-describedby="inbound-help">
    <p id="inbound-help">Paste the inbound URL the admin center shows for the account. Method: HTTP POST.</p>
    <button type="submit">Save</button>
  </form>
</section>
<section aria-labelledby="customer-heading">
  <h2 id="customer-heading">Write as the customer</h2>
  <form id="customer-form">
    <label for="customer-number">Customer's WhatsApp number</label>
    <input id="customer-number" type="tel" value="+358401234567" required>
    <label for="customer-name">Customer's profile name</label>
    <input id="customer-name" type="text" value="Maija Meikäläinen">
    <label for="business-number">To (the business number)</label>
    <input id="business-number" type="tel" required>
    <label for="message-body">Message</label>
    <textarea id="message-body" rows="3"></textarea>
    <label for="attachment">Attachment</label>
    <select id="attachment">
      <option value="">None</option>
      <option value="image">Sample image (PNG)</option>
      <option value="pdf">Sample document (PDF)</option>
    </select>
    <button type="submit">Send</button>
    <button type="button" id="join-button">Send the join code</button>
  </form>
</section>
<section aria-labelledby="clock-heading">
  <h2 id="clock-heading">Clock</h2>
  <p>Simulator time: <time id="clock"></time></p>
  <button type="button" id="advance-button">Move the clock 24 hours forward</button>
</section>
<section aria-labelledby="messages-heading">
  <h2 id="messages-heading">Messages</h2>
  <table>
    <caption>Newest first. Statuses update by themselves.</caption>
    <thead><tr><th scope="col">Time</th><th scope="col">Direction</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Text</th><th scope="col">Status</th></tr></thead>
    <tbody id="messages"></tbody>
  </table>
</section>
</main>
<script>
const $ = (id) => document.getElementById(id);
let accounts = [];
const current = () => accounts.find((account) => account.accountSid === $('account').value) ?? accounts[0];
const say = (text) => { $('notice').textContent = text; };

async function call(method, path, body) {
  const response = await fetch(path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error ?? 'The simulator refused that.');
  return json;
}

function showAccount() {
  const account = current();
  if (!account) return;
  $('account-sid').textContent = account.accountSid;
  $('inbound-url').value = account.inboundUrl ?? '';
  $('sandbox').textContent = account.sandbox
    ? 'Number ' + account.sandbox.number + '. A customer joins by sending "join ' + account.sandbox.joinCode + '".'
    : 'Not a sandbox account.';
  $('join-button').hidden = !account.sandbox;
  if (!$('business-number').value && account.sandbox) $('business-number').value = account.sandbox.number;
}

async function loadState() {
  const state = await call('GET', '/_sim/state');
  const selected = $('account').value;
  accounts = state.accounts;
  $('account').replaceChildren(...accounts.map((account) => {
    const option = document.createElement('option');
    option.value = account.accountSid;
    option.textContent = account.friendlyName + ' (' + account.accountSid + ')';
    return option;
  }));
  if (selected) $('account').value = selected;
  showAccount();
}

function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }
function media(list) { return list.length ? ' [' + list.map((item) => item.contentType).join(', ') + ']' : ''; }

async function loadMessages() {
  const data = await call('GET', '/_sim/messages');
  $('clock').textContent = new Date(data.now).toLocaleString();
  $('clock').dateTime = data.now;
  const rows = [
    ...data.inbound.map((m) => ({ at: m.sentAt, direction: 'From the customer', from: m.from, to: m.to, text: m.body + media(m.media) + (m.sandboxReply ? ' — sandbox replied: ' + m.sandboxReply : ''), status: m.forwarded ? 'webhook answered ' + (m.responseStatus ?? 'nothing (unreachable)') : 'kept by the sandbox' })),
    ...data.sent.map((m) => ({ at: m.createdAt, direction: 'From the business', from: m.from, to: m.to, text: (m.body ?? '') + (m.mediaUrls.length ? ' [' + m.mediaUrls.length + ' attachment]' : ''), status: m.status + (m.errorCode ? ' (error ' + m.errorCode + ')' : '') })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  $('messages').replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    tr.append(cell(new Date(row.at).toLocaleTimeString()), cell(row.direction), cell(row.from), cell(row.to), cell(row.text), cell(row.status));
    return tr;
  }));
}

async function sendAsCustomer(body) {
  const account = current();
  const result = await call('POST', '/_sim/inbound', {
    accountSid: account.accountSid, from: $('customer-number').value, to: $('business-number').value,
    profileName: $('customer-name').value, body, attachment: $('attachment').value || undefined,
  });
  say(result.forwarded ? 'Sent. The webhook answered ' + (result.status ?? 'nothing: it could not be reached') + '.' : 'The sandbox replied: ' + result.sandboxReply);
  await loadMessages();
}

const guarded = (work) => (event) => { event?.preventDefault(); work().catch((error) => say(error.message)); };
$('account').addEventListener('change', showAccount);
$('inbound-form').addEventListener('submit', guarded(async () => {
  await call('PUT', '/_sim/accounts/' + encodeURIComponent(current().accountSid) + '/inbound-url', { url: $('inbound-url').value || null });
  await loadState();
  say('Saved the inbound URL.');
}));
$('customer-form').addEventListener('submit', guarded(async () => { await sendAsCustomer($('message-body').value); $('message-body').value = ''; }));
$('join-button').addEventListener('click', guarded(() => sendAsCustomer('join ' + current().sandbox.joinCode)));
$('advance-button').addEventListener('click', guarded(async () => { await call('POST', '/_sim/clock', { advanceMs: 24 * 60 * 60 * 1000 }); await loadMessages(); say('The clock moved 24 hours forward.'); }));
guarded(async () => { await loadState(); await loadMessages(); })();
setInterval(() => loadMessages().catch(() => undefined), 1500);
</script>
</body>
</html>
`;
}
