import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'test/main/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/layering/**/*.test.ts',
            'test/soak/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
