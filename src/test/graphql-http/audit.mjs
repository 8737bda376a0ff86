// Runs graphql-http's GraphQL-over-HTTP audits (the reference for the spec's server
// requirements) against a running hub and prints the outcome as one JSON document on stdout.
//
//   node audit.mjs <graphql-url> <bearer-token>
//
// Every request the audits make carries the token: the hub refuses anonymous requests with
// 401 before GraphQL sees them, which would hide every other answer.
//
// Output: {"url", "graphqlHttpVersion", "counts": {MUST: {ok, warn, error, notice}, ...},
// "audits": [{id, name, level, status, reason, response}]}, where level is the name's first
// word (MUST, SHOULD or MAY) and response (failures only) is the status, content type and
// the start of the body that the hub gave, so that a failure can be read without re-running.
// Exit status: 0 when the audit ran (whatever it found), 2 on bad arguments, 1 when the
// audit itself could not run (e.g. the hub is unreachable).
import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';

const LEVELS = ['MUST', 'SHOULD', 'MAY'];
const STATUSES = ['ok', 'warn', 'error', 'notice'];
const BODY_EXCERPT = 300;

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  process.stderr.write('usage: node audit.mjs <graphql-url> <bearer-token>\n');
  process.exit(2);
}

/** The platform's fetch, with the bearer token added to whatever headers the audit sets. */
function fetchWithToken(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

function levelOf(name) {
  const level = name.split(' ', 1)[0];
  if (!LEVELS.includes(level)) {
    throw new Error(`audit name does not start with a requirement level: ${name}`);
  }
  return level;
}

async function describe(response) {
  if (!response) {
    return undefined;
  }
  let body;
  try {
    body = await response.clone().text();
  } catch (unreadable) {
    body = `(body not readable: ${unreadable.message})`;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: body.length > BODY_EXCERPT ? `${body.slice(0, BODY_EXCERPT)}...` : body,
  };
}

try {
  const results = await auditServer({ url, fetchFn: fetchWithToken });
  const counts = Object.fromEntries(
    LEVELS.map((level) => [level, Object.fromEntries(STATUSES.map((status) => [status, 0]))]),
  );
  const audits = [];
  for (const result of results) {
    const level = levelOf(result.name);
    counts[level][result.status] += 1;
    audits.push({
      id: result.id,
      name: result.name,
      level,
      status: result.status,
      reason: result.status === 'ok' ? null : result.reason,
      response: result.status === 'ok' ? undefined : await describe(result.response),
    });
  }
  const version = JSON.parse(
    readFileSync(new URL('./node_modules/graphql-http/package.json', import.meta.url), 'utf8'),
  ).version;
  process.stdout.write(
    `${JSON.stringify({ url, graphqlHttpVersion: version, total: audits.length, counts, audits }, null, 2)}\n`,
  );
} catch (fatal) {
  process.stderr.write(`the audit could not run against ${url}: ${fatal?.stack ?? fatal}\n`);
  process.exit(1);
}
