// Opens dist/Sidebar.html as a sidebar or dialog showing one of its views (sidebar/views).
// One HTML file serves every page so the deploy stays Code.js + Sidebar.html + manifest.
export interface PageOptions {
  title: string;
  /** Dialog size in pixels; a sidebar's width is fixed by Sheets (setWidth is ignored there). */
  width?: number;
  height?: number;
}

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function pageHtml(view: string, title: string): GoogleAppsScript.HTML.HtmlOutput {
  // data-title: what the host's title bar shows (setTitle), so the page does not repeat it
  // as a heading (sidebar/views/cases/shell.ts).
  const content = HtmlService.createHtmlOutputFromFile('Sidebar')
    .getContent()
    .replace('<body>', `<body data-view="${attr(view)}" data-title="${attr(title)}">`);
  return HtmlService.createHtmlOutput(content).setTitle(title);
}

export function showSidebarView(view: string, options: PageOptions): void {
  SpreadsheetApp.getUi().showSidebar(pageHtml(view, options.title));
}

export function showDialogView(view: string, options: PageOptions): void {
  const html = pageHtml(view, options.title)
    .setWidth(options.width ?? 640)
    .setHeight(options.height ?? 480);
  SpreadsheetApp.getUi().showModalDialog(html, options.title);
}
