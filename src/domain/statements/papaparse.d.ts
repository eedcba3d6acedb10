// papaparse's browser build has no `require('stream')` (its Node build does, which a neutral
// es2019 bundle for Apps Script cannot resolve); same API, so reuse the package's types.
declare module 'papaparse/papaparse.min.js' {
  import Papa from 'papaparse';
  export default Papa;
}
