import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The kiosk loads the built files from the binary (tauri://localhost); the dev server is only
// for `tauri dev`. No remote origin is ever referenced, so the strict CSP holds.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false },
});
