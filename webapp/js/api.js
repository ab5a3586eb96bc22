// A thin client for the REST API. Paths are relative to the page, so the app works under any context path.

export class ApiError extends Error {
    constructor(status, body) {
        super(body && body.message ? body.message : `request failed (${status})`);
        this.status = status;
        this.body = body;
    }
}

/** Where a page sends someone who is not signed in: the sign-in page, which brings them back afterwards. */
export function signInUrl() {
    const here = location.pathname + location.search;
    return new URL(`signin.html?next=${encodeURIComponent(here)}`, document.baseURI).toString();
}

// Once the page is on its way elsewhere (signing out), a request still under way that now answers 401 must not send
// the browser to the sign-in page instead: that would cancel the way out (the provider's logout) half-way.
let leaving = false;

/** Leaves the page for {@code url}; requests still under way no longer redirect anywhere on a 401. */
export function leaveFor(url) {
    leaving = true;
    location.assign(url);
}

// X-Requested-With tells the server this is the app's own page: a 401 then comes without a Basic challenge, so the
// browser shows no password dialog of its own, and the page goes to the sign-in page instead.
export async function api(path, options = {}) {
    const init = {
        ...options,
        headers: { Accept: 'application/json', 'X-Requested-With': 'fetch', ...(options.headers || {}) },
    };
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
    if (response.status === 401 && !options.noSignInRedirect && !leaving) {
        location.assign(signInUrl());
    }
    if (response.status === 403 && body && body.field === 'password' && !location.pathname.endsWith('/account.html')) {
        // signed in with a one-time password: nothing but choosing a password until then
        location.assign(new URL(`account.html?next=${encodeURIComponent(location.pathname + location.search)}`,
            document.baseURI).toString());
    }
    if (!response.ok) {
        throw new ApiError(response.status, body);
    }
    return body;
}
