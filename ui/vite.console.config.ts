import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The organiser's console: built into dist-console/ and embedded in the placard-collector
// binary (crates/collector/src/console/pages.rs), which serves it under a CSP of `'self'` only.
// Nothing here may reference another origin or put script or style inline.
export default defineConfig({
  root: "console",
  plugins: [svelte({ configFile: "../svelte.config.js" })],
  clearScreen: false,
  build: {
    outDir: "../dist-console",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Every script and style as a file of its own (the CSP refuses inline ones).
    assetsInlineLimit: 0,
  },
});
