// What the server's statement callables take and return (src/server/statementImport.ts): the
// server's own types, imported type-only so nothing of the server is bundled into the page.
import type { ColumnMapping } from '../../../src/domain/statements/types';
import type { FileRequest, ImportResult, LineView, StatementPreview } from '../../../src/server/statementImport';

export type Mapping = ColumnMapping;
export type Preview = StatementPreview;
export type RowError = StatementPreview['errors'][number];
export type { FileRequest, ImportResult, LineView };
