import { defineConfig } from 'tsup';
import { kronikerpakkerPreset } from '../../tsup.preset';

// Two entries: the platform-neutral API and `./node` (reading schema folders).
export default defineConfig(kronikerpakkerPreset({ entry: ['src/index.ts', 'src/node.ts'] }));
