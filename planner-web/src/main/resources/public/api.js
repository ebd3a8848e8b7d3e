// Calls to the planner's HTTP API. Failures become ApiError with the server's message and the parameter it named.

export class ApiError extends Error {
  constructor(status, message, details = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
  }
}

/** GET a JSON (or GeoJSON) resource; params is an object turned into a query string. */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  });
  const url = query.toString() ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json, application/geo+json' } });
  } catch (e) {
    throw new ApiError(0, e.message, { network: true });
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, (body && body.details) || {});
  }
  return body;
}

/**
 * The one place the page sends a state-changing request (POST, PUT, DELETE): a JSON body (or none), extra headers
 * (If-Match), errors as ApiError with the server's message. Anything every write needs (a CSRF header) goes here.
 * Resolves to { status, text, etag }.
 */
export async function sendJson(method, url, body, headers = {}) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/plain', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, e.message, { network: true });
  }
  const text = await response.text();
  if (!response.ok) {
    let answer = null;
    try {
      answer = text ? JSON.parse(text) : null;
    } catch (e) {
      answer = null;
    }
    const message = answer && answer.error ? answer.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, (answer && answer.details) || {});
  }
  return { status: response.status, text, etag: response.headers.get('ETag') };
}

/** POST a JSON body; the answer's text (through sendJson). */
async function post(path, body) {
  return (await sendJson('POST', path, body)).text;
}

/** POST a JSON body and read the JSON answer; failures as in getJson. */
export async function postJson(path, body) {
  const text = await post(path, body);
  try {
    return text ? JSON.parse(text) : null;
  } catch (e) {
    return null;
  }
}

/** POST a JSON body and read the answer as text (a file to save); failures as in getJson. */
export async function postForText(path, body) {
  return post(path, body);
}
