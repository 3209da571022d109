import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * How the server applies a client's `didChange`. The text-document library clamps a position past the last line to
 * the end of the text, so a client that lost track and sends its whole text at line 40 of a 5-line copy made the
 * server hold the document twice (and report duplicate keys on lines the client does not have). Such an edit is
 * rejected instead: the document is *lost* — the server keeps its last good text but shows nothing for it and ignores
 * incremental edits, which are relative to a text it does not know, until a full text (a change without a range, or
 * a new `didOpen`) resynchronises it. A character past a line's end still clamps, as LSP says.
 */
export class DocumentSync implements TextDocumentsConfiguration<TextDocument> {
  private readonly lost = new Set<string>();

  /** `onLost`: told once when a document is lost, to warn the user. */
  constructor(private readonly onLost: (uri: string) => void) {}

  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    this.lost.delete(uri);
    return TextDocument.create(uri, languageId, version, content);
  }

  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const uri = document.uri;
    for (const change of changes) {
      if (!('range' in change)) {
        this.lost.delete(uri);
        TextDocument.update(document, [change], version);
      } else if (!this.lost.has(uri)) {
        if (pastEnd(document, change.range)) {
          this.lost.add(uri);
          this.onLost(uri);
        } else {
          TextDocument.update(document, [change], version);
        }
      }
    }
    // The version moves on even when every change was set aside, so that diagnostics name the client's version.
    return TextDocument.update(document, [], version);
  }

  /** Whether the server's copy of a document cannot be trusted until the client sends its full text. */
  isLost(uri: string): boolean {
    return this.lost.has(uri);
  }
}

/** A position after the end of the text: beyond the last line, or on the line after it (`{ lineCount, 0 }` is the end). */
function pastEnd(document: TextDocument, range: Range): boolean {
  const beyond = (p: Position) => p.line > document.lineCount || (p.line === document.lineCount && p.character > 0);
  return beyond(range.start) || beyond(range.end);
}
