/** `fresh-build verify`: what runs, against what was built and recorded, and its report. */
export { renderVerifyText, staleLines, verifyJson } from './report.js'
export { runVerify, type VerifyOptions } from './run.js'
export { verifySummary } from './summary.js'
