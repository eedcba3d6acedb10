// Entry points for google.script.run and menus; see docs/api.md.
export {};
