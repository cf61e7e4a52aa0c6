/** Build logs -> the Dockerfile steps they show, and which of them were served from cache. */
export { LogFileError, parseLogFile } from './file.js'
export { renderParseLogJson, toParseLogJson, type ParseLogJson } from './json.js'
export { DEFAULT_MAX_LINE, LogParser, parseLog, type LogParserOptions } from './parser.js'
