import { createBrowserRouter, Navigate } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { SignupPage } from "../features/auth/SignupPage";
import { PracticePage } from "../features/practice/PracticePage";
import { ProfilePage } from "../features/profile/ProfilePage";
import { ProgressPage } from "../features/progress/ProgressPage";
import { AnalysisPage } from "../features/resume/AnalysisPage";
import { ComparePage } from "../features/resume/ComparePage";
import { SearchPage } from "../features/resume/SearchPage";
import { UploadPage } from "../features/resume/UploadPage";
import { Layout } from "./Layout";
import { NotFound } from "./NotFound";
import { RequireAuth } from "./RequireAuth";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/login", element: <LoginPage /> },
      { path: "/signup", element: <SignupPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: "/", element: <Navigate to="/analysis" replace /> },
          { path: "/analysis", element: <AnalysisPage /> },
          { path: "/upload", element: <UploadPage /> },
          { path: "/compare", element: <ComparePage /> },
          { path: "/search", element: <SearchPage /> },
          { path: "/profile", element: <ProfilePage /> },
          { path: "/practice", element: <PracticePage /> },
          { path: "/progress", element: <ProgressPage /> },
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
