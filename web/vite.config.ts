import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// In development Vite serves the client with hot reload and forwards /api to the Flask
// server, so the browser sees one origin, as it does when Flask serves the build.
const api = process.env.API_URL ?? "http://127.0.0.1:5000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/api": { target: api, changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The page's CSP allows no inline code: keep every script in a file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 900,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    setupFiles: ["src/test/setup.ts"],
  },
});
