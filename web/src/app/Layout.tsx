import { useState } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";
import { useFeatures } from "./features";
import { useSession } from "./session";

const LINKS = [
  { to: "/analysis", label: "Analysis" },
  { to: "/upload", label: "Upload" },
  { to: "/compare", label: "Compare jobs" },
  { to: "/search", label: "Ask your resume" },
  { to: "/profile", label: "Profile" },
];

export function Layout() {
  const session = useSession();
  const features = useFeatures();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const links = [
    ...LINKS,
    ...(features.practice ? [{ to: "/practice", label: "Practice" }] : []),
    ...(features.progress ? [{ to: "/progress", label: "Progress" }] : []),
  ];
  async function logout() {
    setLeaving(true);
    await session.end();
    setLeaving(false);
    navigate("/login", { replace: true, state: { notice: "You are logged out." } });
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to={session.signedIn ? "/analysis" : "/login"} className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Interview prep
        </NavLink>
        {session.signedIn ? (
          <>
            <nav aria-label="Main" className="nav">
              <ul>
                {links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <button
              type="button"
              className="button button--quiet"
              onClick={logout}
              disabled={leaving}
            >
              Log out
            </button>
          </>
        ) : null}
      </header>
      <main id="main" className="main">
        <Outlet />
      </main>
    </div>
  );
}
