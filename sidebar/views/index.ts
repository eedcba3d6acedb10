// The page's views. The server opens dist/Sidebar.html with <body data-view="NAME"> (see
// src/server/pages.ts); each view renders itself into the root element.
export type View = (root: HTMLElement) => void;

export const views: Record<string, View> = {};
