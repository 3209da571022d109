/** The JSON report (bench/README.md) and its Markdown rendering; pure. */

import { FigureValue, Figures, setFigure, setUnmeasured, whyKey } from './figure';
import { round } from './stats';

export interface Machine { cpus: number; cpuModel: string; node: string; memoryGB: number; platform: string; rssMethod: string }

export interface CorpusSummary {
  files: number; documents: number; bytes: number;
  injected: number | null; found: number | null; unexpected: number | null;
  [key: string]: unknown;
}

export interface Report {
  scale: string;
  machine: Machine;
  commit: string;
  date: string;
  corpus: CorpusSummary;
  figures: Figures;
  ratios: Figures;
  [key: string]: unknown;
}

/** The keys of the report, in their order; each is present in every report (value or null + why). */
export const REQUIRED_FIGURES = [
  'lint.cold.c1', 'lint.cold.auto', 'lint.warm.one-change', 'floor.js-yaml', 'floor.yaml', 'floor.json', 'peer.spectral',
  'lsp.index_s', 'lsp.rss_mb', 'lsp.diagnostics_ms', 'lsp.completion_ms', 'lsp.hover_ms',
  'peer.yaml-language-server.diagnostics_ms', 'peer.yaml-language-server.completion_ms',
] as const;

/** Fills every required key not yet set with null + why. */
export function completeFigures(figures: Figures, why = 'not measured in this run'): Figures {
  for (const key of REQUIRED_FIGURES) if (!(key in figures)) setUnmeasured(figures, key, why);
  return figures;
}

function numberAt(figures: Figures, key: string, field?: string): number | null {
  const value = figures[key];
  if (value === null || value === undefined || typeof value === 'string') return null;
  if (field === undefined) return typeof value === 'number' ? value : null;
  const inner = typeof value === 'object' ? value[field] : null;
  return typeof inner === 'number' ? inner : null;
}

function ratio(ratios: Figures, key: string, top: number | null, bottom: number | null, why: string): void {
  if (top === null || bottom === null || bottom === 0) setUnmeasured(ratios, key, why);
  else setFigure(ratios, key, round(top / bottom, 2));
}

/**
 * Lint ÷ each floor and our documents/s ÷ Spectral's, with one thread and with `--concurrency auto` (the issue's
 * targets name auto); our LSP latencies ÷ yaml-language-server's.
 */
export function computeRatios(figures: Figures): Figures {
  const ratios: Figures = {};
  const c1 = numberAt(figures, 'lint.cold.c1', 'median_s') !== null ? 'lint.cold.c1' : 'lint.cold.default';
  for (const lintKey of [c1, 'lint.cold.auto']) {
    const lint = numberAt(figures, lintKey, 'median_s');
    for (const floor of ['floor.js-yaml', 'floor.yaml', 'floor.json']) {
      ratio(ratios, `${lintKey}÷${floor}`, lint, numberAt(figures, floor, 'median_s'), `${lintKey} or ${floor} was not measured`);
    }
  }
  const spectral = numberAt(figures, 'peer.spectral', 'documents_per_s');
  ratio(ratios, 'docs_per_s.ours÷spectral', numberAt(figures, 'lint.single-documents', 'documents_per_s'),
    spectral, 'our CLI or Spectral was not measured on the single-document copy');
  ratio(ratios, 'docs_per_s.ours.auto÷spectral', numberAt(figures, 'lint.single-documents.auto', 'documents_per_s'),
    spectral, 'our CLI (auto) or Spectral was not measured on the single-document copy');
  ratio(ratios, 'docs_per_s.ours.schema-only.auto÷spectral', numberAt(figures, 'lint.single-documents.schema-only.auto', 'documents_per_s'),
    spectral, 'our CLI (schema only, auto) or Spectral was not measured on the single-document copy');
  // Findings scaling (issue 16): seconds per 10,000 findings, largest over smallest across the catalogue sizes.
  const perFindings = Object.keys(figures).filter((key) => key.startsWith('lint.findings.')).map((key) => numberAt(figures, key, 's_per_10k_findings'));
  const per = perFindings.filter((v): v is number => v !== null);
  ratio(ratios, 'lint.findings.s_per_10k.max÷min', per.length >= 2 ? Math.max(...per) : null, per.length >= 2 ? Math.min(...per) : null,
    'fewer than two catalogue sizes of the findings workload were measured');
  for (const kind of ['diagnostics_ms', 'completion_ms', 'hover_ms', 'hover_during_big_lint_ms']) {
    for (const p of ['p50', 'p95']) {
      ratio(ratios, `lsp.${kind}.${p}÷yaml-language-server`, numberAt(figures, `lsp.${kind}`, p),
        numberAt(figures, `peer.yaml-language-server.${kind}`, p), `lsp.${kind} or its yaml-language-server peer was not measured`);
    }
  }
  return ratios;
}

function cell(value: FigureValue | string | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  const parts: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key.endsWith('.why') || key === 'runs' || key === 'version') continue;
    if (inner !== null && typeof inner !== 'object') parts.push(`${key} ${String(inner)}`);
  }
  return parts.join(', ');
}

export function renderMarkdown(report: Report): string {
  const { machine, corpus } = report;
  const out: string[] = [];
  out.push(`# GovSpec benchmark — ${report.scale}`, '');
  out.push(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}; commit ${report.commit.slice(0, 12)}; ${report.date}`);
  out.push(`Peak RSS: ${machine.rssMethod}`, '');
  out.push(`Corpus: ${corpus.files} files, ${corpus.documents} documents, ${round(corpus.bytes / 1_048_576, 1)} MiB; injected ${corpus.injected ?? '—'}, found ${corpus.found ?? '—'}, unexpected ${corpus.unexpected ?? '—'}`, '');
  const table = (title: string, figures: Figures) => {
    out.push(`| ${title} | value | why not measured |`, '| --- | --- | --- |');
    for (const [key, value] of Object.entries(figures)) {
      if (key.endsWith('.why')) continue;
      const why = figures[whyKey(key)];
      out.push(`| \`${key}\` | ${cell(value)} | ${typeof why === 'string' ? why.replace(/\|/g, '\\|') : ''} |`);
    }
    out.push('');
  };
  table('figure', report.figures);
  table('ratio', report.ratios);
  return out.join('\n');
}
