import { defineConfig } from 'tsup';
import { kronikerpakkerPreset } from '../../tsup.preset';

export default defineConfig(kronikerpakkerPreset());
