import { createBrowserRouter, Navigate } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { SignupPage } from "../features/auth/SignupPage";
import { ProfilePage } from "../features/profile/ProfilePage";
import { SearchPage } from "../features/resume/SearchPage";
import { UploadPage } from "../features/resume/UploadPage";
import { Layout } from "./Layout";
import { NotFound } from "./NotFound";
import { RequireAuth } from "./RequireAuth";

// Screens with charts load with their chart library on first visit, not with the first page.
const screens = {
  analysis: async () => ({
    Component: (await import("../features/resume/AnalysisPage")).AnalysisPage,
  }),
  compare: async () => ({
    Component: (await import("../features/resume/ComparePage")).ComparePage,
  }),
  practice: async () => ({
    Component: (await import("../features/practice/PracticePage")).PracticePage,
  }),
  progress: async () => ({
    Component: (await import("../features/progress/ProgressPage")).ProgressPage,
  }),
};

export const router = createBrowserRouter([
  {
    element: <Layout />,
    hydrateFallbackElement: (
      <p className="muted" role="status">
        Loading…
      </p>
    ),
    children: [
      { path: "/login", element: <LoginPage /> },
      { path: "/signup", element: <SignupPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: "/", element: <Navigate to="/analysis" replace /> },
          { path: "/analysis", lazy: screens.analysis },
          { path: "/upload", element: <UploadPage /> },
          { path: "/compare", lazy: screens.compare },
          { path: "/search", element: <SearchPage /> },
          { path: "/profile", element: <ProfilePage /> },
          { path: "/practice", lazy: screens.practice },
          { path: "/progress", lazy: screens.progress },
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
