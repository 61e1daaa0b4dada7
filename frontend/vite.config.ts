/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Django serves the built app: index.html for every non-API route, and the assets through
// whitenoise at /static/ (STATICFILES_DIRS = [frontend/dist]), hence base "/static/".
export default defineConfig({
  base: "/static/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // One bundle for the whole app (~150 kB gzipped with React, Router and TanStack Query).
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` talks to a Django runserver on :8000.
    proxy: { "/api": "http://127.0.0.1:8000" },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
  },
});
