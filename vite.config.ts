import { fileURLToPath } from 'node:url';

import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: 'client',
  cacheDir: here('./node_modules/.vite'),
  plugins: [solid()],
  resolve: { alias: { '@shared': here('./shared') } },
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    sourcemap: true,
    // The plugin-timing table is noise in `npm start`'s output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/webhooks': 'http://localhost:3000',
      '/media': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  test: {
    projects: [
      {
        // No `extends: true`: vite-plugin-solid would resolve `ws` to its browser stub.
        resolve: { alias: { '@shared': here('./shared') } },
        test: {
          name: 'server',
          root: here('.'),
          include: [
            'test/server/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/helpers/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias: { '@shared': here('./shared') } },
        test: {
          name: 'browser',
          root: here('.'),
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          root: here('./client'),
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
