// A thin client for the REST API. Paths are relative to the page, so the app works under any context path.

export class ApiError extends Error {
    constructor(status, body) {
        super(body && body.message ? body.message : `request failed (${status})`);
        this.status = status;
        this.body = body;
    }
}

export async function api(path, options = {}) {
    const init = { ...options, headers: { Accept: 'application/json', ...(options.headers || {}) } };
    if (options.json !== undefined) {
        init.body = JSON.stringify(options.json);
        init.headers['Content-Type'] = 'application/json';
        delete init.json;
    }
    const response = await fetch(new URL(path, document.baseURI), init);
    const text = await response.text();
    let body = null;
    if (text) {
        try {
            body = JSON.parse(text);
        } catch {
            body = { message: text };
        }
    }
    if (!response.ok) {
        throw new ApiError(response.status, body);
    }
    return body;
}
