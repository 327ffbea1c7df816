import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../api/endpoints";
import { tokens } from "../api/tokens";

interface Session {
  signedIn: boolean;
  /** Keep the tokens of a successful register or login. */
  start(access: string, refresh: string): void;
  /** Revoke both tokens on the server (best effort) and forget them here. */
  end(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function hasSession() {
  return Boolean(tokens.access() || tokens.refresh());
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const signedIn = useSyncExternalStore(tokens.subscribe, hasSession, hasSession);
  const start = useCallback(
    (access: string, refresh: string) => {
      queryClient.clear();
      tokens.set(access, refresh);
    },
    [queryClient],
  );
  const end = useCallback(async () => {
    try {
      await api.logout(tokens.refresh());
    } catch {
      // Logging out locally matters most; an unreachable server cannot keep the user in.
    }
    tokens.clear();
    queryClient.clear();
  }, [queryClient]);
  const value = useMemo(() => ({ signedIn, start, end }), [signedIn, start, end]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

// eslint-disable-next-line react-refresh/only-export-components
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
