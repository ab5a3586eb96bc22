// How long ago something happened, in words people read at a glance: "just now", "5 min ago", "3 h ago",
// "yesterday", then the date.

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "5 min ago" for an ISO date-time, measured from `now` (milliseconds). */
export function ago(iso, now = Date.now()) {
    const then = new Date(iso).getTime();
    const seconds = Math.max(0, Math.round((now - then) / 1000));
    if (seconds < 60) return 'just now';
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} min ago`;
    const hours = Math.round(minutes / 60);
    if (hours < 24) return `${hours} h ago`;
    const days = Math.round(hours / 24);
    if (days === 1) return 'yesterday';
    if (days < 7) return `${days} days ago`;
    return dateFormat.format(new Date(iso));
}

/** The full date and time, for a tooltip. */
export function exactly(iso) {
    return full.format(new Date(iso));
}
