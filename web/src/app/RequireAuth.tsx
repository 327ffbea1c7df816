import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "./session";

/** Send visitors without a session to the login screen, remembering where they were going. */
export function RequireAuth() {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}
