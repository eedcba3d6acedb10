// The local runtime's spreadsheet (docs/runtime-spreadsheet.md): the workbook model with its
// .xlsx file, and the main-side SpreadsheetApp served to executions.
export { WorkbookModel, SheetModel, LIMITS, MSG } from './model';
export type { WorkbookOptions, UserEditOutcome, Style, DataValidationModel, ProtectionModel } from './model';
export type { SheetView, CellView, CellType } from './view';
export { createSpreadsheetApp, SpreadsheetApp, Spreadsheet, Sheet, Range } from './app';
export type { SpreadsheetAppOptions } from './app';
export { Ui, Menu, PromptResponse } from './ui';
export { ENUMS } from './builders';
export { sidecarPath } from './xlsx';
