// The services that bring most of the code (about two thirds of the CLI bundle) and that neither
// opening a register nor the provider list needs: the PDF reports and the comparison (pdfmake's
// loader, fonts, bidi), the demo, the maintenance and status importers (ical.js, an XML parser), the
// attention list (which reads maintenance), register import and export, the questionnaire page and
// its answers, template files (the JSON format, the VSAQ conversion), and fourth parties (the
// catalogue and the subprocessor-list reader). handlers.ts imports this module on the first call of
// one of their operations.
//
// One module, not one import() per service: the bundle's chunks follow the sets of dynamic imports
// that reach each module, and eleven separate ones cut the code every run needs into some forty
// files instead of ten (each file read, resolved and linked on its own at every start).
export * as demo from './demo';
export * as attention from './services/attention';
export * as compare from './services/compare';
export * as concentration from './services/concentration';
export * as concentrationReport from './services/concentration-report';
export * as maintenance from './services/maintenance';
export * as questionnaireReceive from './services/questionnaire-receive';
export * as questionnaireSend from './services/questionnaire-send';
export * as registerExport from './services/register-export';
export * as registerImport from './services/register-import';
export * as reports from './services/reports';
export * as statusImport from './services/status-import';
export * as statusRefresh from './services/status-refresh';
export * as upstreams from './services/upstreams';
export * as upstreamsFromStatus from './services/upstreams-from-status';
export * as templateFiles from './services/template-files';
