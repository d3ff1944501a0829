import { fileURLToPath } from 'node:url'

/** The bundled sample bulletins (data/samples), found from src/ and from dist/ alike. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url))
