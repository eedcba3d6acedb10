// Jest globalSetup: the Apps Script manifest's zone is the JS engine's zone in Apps Script, so
// tests run in it. Set here, in jest's parent process, the test workers inherit it.
module.exports = () => {
  process.env.TZ = require('../appsscript.json').timeZone;
};
