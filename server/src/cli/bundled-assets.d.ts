// Modules the build bundles as data (scripts/build.mjs): text files, and the rule docs collected from the source tree.

declare module '*.yaml' {
  const text: string;
  export default text;
}

declare module 'govspec:rule-docs' {
  /** Each rule's README.md, keyed by rule id. */
  const docs: Readonly<Record<string, string>>;
  export default docs;
}
