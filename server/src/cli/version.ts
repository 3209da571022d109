import { version } from '../../../package.json';

/** The tool's version, as package.json gives it; bundled at build time. */
export const TOOL_VERSION: string = version;
