/** Document values that would run as script if any page failed to escape them. */
export const HOSTILE = '<script>window.__injected=1</script>" onerror="window.__injected=2" \'';
/** A service whose every text field carries markup, and a finding whose message does too. */
export function hostileService(): unknown {
  return {
    apiVersion: 'govspec/v1', kind: 'Service', name: HOSTILE, basicCode: HOSTILE, implementationCode: HOSTILE, type: HOSTILE,
    levels: [HOSTILE], region: HOSTILE, implementer: { name: HOSTILE, uscc: HOSTILE, nature: HOSTILE },
    acceptanceConditions: [HOSTILE], serviceObjects: [HOSTILE],
    materials: [
      { id: 'a', name: HOSTILE, required: true, source: 'sharing', sharing: { agreement: HOSTILE, resource: HOSTILE, items: [HOSTILE] } },
      { id: 'b', name: HOSTILE, required: true, source: 'commitment', commitment: { text: HOSTILE, verification: HOSTILE } },
    ],
    process: [{ step: HOSTILE, limit: { value: HOSTILE, unit: HOSTILE }, standard: HOSTILE }],
    statutoryLimit: { value: 1, unit: HOSTILE, note: HOSTILE }, fee: { charged: true, basis: HOSTILE, items: [{ name: HOSTILE, amount: HOSTILE }] },
    place: HOSTILE, hours: HOSTILE, consultPhone: HOSTILE, supervisePhone: HOSTILE,
    online: { enabled: true, url: 'javascript:window.__injected=3', depth: [HOSTILE] },
  };
}

