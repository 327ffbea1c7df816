// Where the tokens live. The access token is kept in memory only (a module variable): a reload
// or a new tab has none and buys one with the refresh token. The refresh token is kept in
// sessionStorage, so it survives a reload but ends with the tab and is not shared with other
// tabs. Both are reachable by script on this origin; the page's strict Content-Security-Policy
// (no inline or foreign scripts) is what keeps injected scripts out.

const REFRESH_KEY = "interview-prep.refresh";

type Listener = () => void;

export interface TokenStore {
  access(): string | null;
  refresh(): string | null;
  set(access: string, refresh?: string): void;
  clear(): void;
  subscribe(listener: Listener): () => void;
}

/** Create a token store over a Storage (sessionStorage in the browser). */
export function createTokenStore(storage: Storage | null): TokenStore {
  let access: string | null = null;
  const listeners = new Set<Listener>();
  const notify = () => listeners.forEach((l) => l());
  const read = () => {
    try {
      return storage?.getItem(REFRESH_KEY) ?? null;
    } catch {
      return null;
    }
  };
  return {
    access: () => access,
    refresh: read,
    set(nextAccess, nextRefresh) {
      access = nextAccess;
      if (nextRefresh !== undefined) {
        try {
          storage?.setItem(REFRESH_KEY, nextRefresh);
        } catch {
          // Storage can be full or disabled: the session then lasts until a reload.
        }
      }
      notify();
    },
    clear() {
      access = null;
      try {
        storage?.removeItem(REFRESH_KEY);
      } catch {
        // Nothing stored, nothing to remove.
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export const tokens = createTokenStore(browserStorage());
