/** Build logs -> the Dockerfile steps they show, and which of them were served from cache. */
export { LogParser, parseLog, DEFAULT_MAX_LINE, type LogParserOptions } from './parser.js'
export { parseLogFile, LogFileError } from './file.js'
export { toParseLogJson, renderParseLogJson, type ParseLogJson } from './json.js'
