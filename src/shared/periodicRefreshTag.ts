/** The Periodic Background Sync tag under which the page registers, and the worker refreshes. */
export const PERIODIC_REFRESH_TAG = 'satchel-refresh';
