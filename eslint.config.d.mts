// Types for eslint.config.mjs, so tests/unit/layer-boundaries.test.ts can run the boundary rules it exports.
import type { Linter } from "eslint";

export const layerBoundaries: Linter.Config[];
declare const config: Linter.Config[];
export default config;
