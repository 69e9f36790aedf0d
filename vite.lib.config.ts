import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleBudget } from './build/bundle-size.ts';

// The embeddable package: `memberlink/composer` (+ its one stylesheet) and `memberlink/template`.
// React is the host's (peer dependency: one copy of React on the page). Tiptap and zustand are
// dependencies the host's bundler resolves, so a host that already uses them shares one copy; so are
// the toolbar's lucide-react icons (imported one file each: the host's bundler takes only those).
//
// MEASURE_BUNDLE=1 instead bundles and minifies everything but React into dist/lib-measure: what the
// composer really costs a host's page (the budget in issue 14). Lib mode leaves ES output unminified
// on purpose (the host's bundler minifies), so the measurement is an ordinary minified build. It
// prints the composer's cost (its JS with the chunks it imports, and its CSS) and fails above 170 kB.
const entry = { composer: 'src/composer/index.ts', template: 'src/template/index.ts' };
/** Issue 14: the composer library ≤ 170 kB gzipped, React excluded. */
export const COMPOSER_BUDGET_BYTES = 170_000;
const react19 = [/^react($|\/)/, /^react-dom($|\/)/];

export default defineConfig(
  process.env.MEASURE_BUNDLE === '1'
    ? {
        plugins: [react(), bundleBudget({ composer: COMPOSER_BUDGET_BYTES })],
        build: {
          outDir: 'dist/lib-measure',
          emptyOutDir: true,
          copyPublicDir: false,
          rollupOptions: { input: entry, preserveEntrySignatures: 'strict', external: react19 },
        },
      }
    : {
        plugins: [react()],
        build: {
          outDir: 'dist/lib',
          emptyOutDir: true,
          copyPublicDir: false,
          lib: { entry, formats: ['es'], cssFileName: 'style' },
          rollupOptions: { external: [...react19, /^@tiptap\//, /^zustand($|\/)/, /^lucide-react($|\/)/] },
        },
      },
);
