import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";
import type { ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api, onSessionEnded } from "../api/endpoints";
import { tokens } from "../api/tokens";

interface Session {
  signedIn: boolean;
  /** The server refused to renew the session (refresh token expired or revoked). */
  expired: boolean;
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
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    onSessionEnded(() => {
      queryClient.clear();
      setExpired(true);
    });
    return () => onSessionEnded(null);
  }, [queryClient]);
  const start = useCallback(
    (access: string, refresh: string) => {
      queryClient.clear();
      setExpired(false);
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
    setExpired(false);
  }, [queryClient]);
  const value = useMemo(() => ({ signedIn, expired, start, end }), [signedIn, expired, start, end]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

// eslint-disable-next-line react-refresh/only-export-components
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
