#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3057:
/***/ ((module) => {

function isBuffer(value) {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
}

function isEncoding(encoding) {
  return Buffer.isEncoding(encoding)
}

function alloc(size, fill, encoding) {
  return Buffer.alloc(size, fill, encoding)
}

function allocUnsafe(size) {
  return Buffer.allocUnsafe(size)
}

function allocUnsafeSlow(size) {
  return Buffer.allocUnsafeSlow(size)
}

function byteLength(string, encoding) {
  return Buffer.byteLength(string, encoding)
}

function compare(a, b) {
  return Buffer.compare(a, b)
}

function concat(buffers, totalLength) {
  return Buffer.concat(buffers, totalLength)
}

function copy(source, target, targetStart, start, end) {
  return toBuffer(source).copy(target, targetStart, start, end)
}

function equals(a, b) {
  return toBuffer(a).equals(b)
}

function fill(buffer, value, offset, end, encoding) {
  return toBuffer(buffer).fill(value, offset, end, encoding)
}

function from(value, encodingOrOffset, length) {
  return Buffer.from(value, encodingOrOffset, length)
}

function includes(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).includes(value, byteOffset, encoding)
}

function indexOf(buffer, value, byfeOffset, encoding) {
  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
}

function lastIndexOf(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
}

function swap16(buffer) {
  return toBuffer(buffer).swap16()
}

function swap32(buffer) {
  return toBuffer(buffer).swap32()
}

function swap64(buffer) {
  return toBuffer(buffer).swap64()
}

function toBuffer(buffer) {
  if (Buffer.isBuffer(buffer)) return buffer
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function toString(buffer, encoding, start, end) {
  return toBuffer(buffer).toString(encoding, start, end)
}

function toHex(buffer, start, end) {
  return toBuffer(buffer).toString('hex', start, end)
}

function write(buffer, string, offset, length, encoding) {
  return toBuffer(buffer).write(string, offset, length, encoding)
}

function readDoubleBE(buffer, offset) {
  return toBuffer(buffer).readDoubleBE(offset)
}

function readDoubleLE(buffer, offset) {
  return toBuffer(buffer).readDoubleLE(offset)
}

function readFloatBE(buffer, offset) {
  return toBuffer(buffer).readFloatBE(offset)
}

function readFloatLE(buffer, offset) {
  return toBuffer(buffer).readFloatLE(offset)
}

function readInt32BE(buffer, offset) {
  return toBuffer(buffer).readInt32BE(offset)
}

function readInt32LE(buffer, offset) {
  return toBuffer(buffer).readInt32LE(offset)
}

function readUInt32BE(buffer, offset) {
  return toBuffer(buffer).readUInt32BE(offset)
}

function readUInt32LE(buffer, offset) {
  return toBuffer(buffer).readUInt32LE(offset)
}

function writeDoubleBE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleBE(value, offset)
}

function writeDoubleLE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleLE(value, offset)
}

function writeFloatBE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatBE(value, offset)
}

function writeFloatLE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatLE(value, offset)
}

function writeInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32BE(value, offset)
}

function writeInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32LE(value, offset)
}

function writeUInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32BE(value, offset)
}

function writeUInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32LE(value, offset)
}

module.exports = {
  isBuffer,
  isEncoding,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  byteLength,
  compare,
  concat,
  copy,
  equals,
  fill,
  from,
  includes,
  indexOf,
  lastIndexOf,
  swap16,
  swap32,
  swap64,
  toBuffer,
  toString,
  toHex,
  write,
  readDoubleBE,
  readDoubleLE,
  readFloatBE,
  readFloatLE,
  readInt32BE,
  readInt32LE,
  readUInt32BE,
  readUInt32LE,
  writeDoubleBE,
  writeDoubleLE,
  writeFloatBE,
  writeFloatLE,
  writeInt32BE,
  writeInt32LE,
  writeUInt32BE,
  writeUInt32LE
}


/***/ }),

/***/ 5940:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 4022:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const line_1 = __nccwpck_require__(7005);
const util_1 = __nccwpck_require__(7459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 9933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const ast = __nccwpck_require__(8390);
const imageTemplate_1 = __nccwpck_require__(3520);
const from_1 = __nccwpck_require__(5377);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 1077:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flagOption_1 = __nccwpck_require__(3700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 3700:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 7599:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 3520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const onbuild_1 = __nccwpck_require__(5554);
const util_1 = __nccwpck_require__(7459);
const workdir_1 = __nccwpck_require__(7529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 5279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
const line_1 = __nccwpck_require__(7005);
const argument_1 = __nccwpck_require__(5940);
const heredoc_1 = __nccwpck_require__(7599);
const variable_1 = __nccwpck_require__(3743);
const main_1 = __nccwpck_require__(8390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 9618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 4381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(9602);
const propertyInstruction_1 = __nccwpck_require__(4984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 1835:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 5377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 1167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(2393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 3871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
const util_1 = __nccwpck_require__(7459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 5554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const parser_1 = __nccwpck_require__(7988);
const instruction_1 = __nccwpck_require__(5279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 7224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 7523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 4301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 3998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(5279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 1347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 7529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 3702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(5940);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 5305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const argument_1 = __nccwpck_require__(5940);
const jsonArgument_1 = __nccwpck_require__(3702);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 7005:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 8390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(5940);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(3702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(4022);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(7988);
var flag_1 = __nccwpck_require__(1077);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(5279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(7005);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(7499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(9602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(3743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(9618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(4381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(5517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(1835);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(1822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(5377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(1167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(7599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(5305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(3871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(2393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(5554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(4984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(7224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(7523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(4301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(3998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(1347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(7529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 2393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flag_1 = __nccwpck_require__(1077);
const instruction_1 = __nccwpck_require__(5279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 7988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(3383);
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const comment_1 = __nccwpck_require__(4022);
const parserDirective_1 = __nccwpck_require__(7499);
const instruction_1 = __nccwpck_require__(5279);
const add_1 = __nccwpck_require__(9618);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const label_1 = __nccwpck_require__(3871);
const onbuild_1 = __nccwpck_require__(5554);
const run_1 = __nccwpck_require__(7224);
const shell_1 = __nccwpck_require__(7523);
const stopsignal_1 = __nccwpck_require__(4301);
const workdir_1 = __nccwpck_require__(7529);
const user_1 = __nccwpck_require__(3998);
const volume_1 = __nccwpck_require__(1347);
const dockerfile_1 = __nccwpck_require__(9933);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 7499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(8390);
const line_1 = __nccwpck_require__(7005);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 9602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 4984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const instruction_1 = __nccwpck_require__(5279);
const property_1 = __nccwpck_require__(9602);
const argument_1 = __nccwpck_require__(5940);
const util_1 = __nccwpck_require__(7459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 7459:
/***/ ((__unused_webpack_module, exports) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 3743:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 9580:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(4434)


/***/ }),

/***/ 3587:
/***/ ((module) => {

module.exports = class FixedFIFO {
  constructor (hwm) {
    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
    this.buffer = new Array(hwm)
    this.mask = hwm - 1
    this.top = 0
    this.btm = 0
    this.next = null
  }

  clear () {
    this.top = this.btm = 0
    this.next = null
    this.buffer.fill(undefined)
  }

  push (data) {
    if (this.buffer[this.top] !== undefined) return false
    this.buffer[this.top] = data
    this.top = (this.top + 1) & this.mask
    return true
  }

  shift () {
    const last = this.buffer[this.btm]
    if (last === undefined) return undefined
    this.buffer[this.btm] = undefined
    this.btm = (this.btm + 1) & this.mask
    return last
  }

  peek () {
    return this.buffer[this.btm]
  }

  isEmpty () {
    return this.buffer[this.btm] === undefined
  }
}


/***/ }),

/***/ 3867:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const FixedFIFO = __nccwpck_require__(3587)

module.exports = class FastFIFO {
  constructor (hwm) {
    this.hwm = hwm || 16
    this.head = new FixedFIFO(this.hwm)
    this.tail = this.head
    this.length = 0
  }

  clear () {
    this.head = this.tail
    this.head.clear()
    this.length = 0
  }

  push (val) {
    this.length++
    if (!this.head.push(val)) {
      const prev = this.head
      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length)
      this.head.push(val)
    }
  }

  shift () {
    if (this.length !== 0) this.length--
    const val = this.tail.shift()
    if (val === undefined && this.tail.next) {
      const next = this.tail.next
      this.tail.next = null
      this.tail = next
      return this.tail.shift()
    }

    return val
  }

  peek () {
    const val = this.tail.peek()
    if (val === undefined && this.tail.next) return this.tail.next.peek()
    return val
  }

  isEmpty () {
    return this.length === 0
  }
}


/***/ }),

/***/ 6204:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { EventEmitter } = __nccwpck_require__(9580)
const FIFO = __nccwpck_require__(3867)
const TextDecoder = __nccwpck_require__(7934)

const StreamError = __nccwpck_require__(5657)

// if we do a future major, expect queue microtask to be there always, for now a bit defensive
const qmt =
  typeof queueMicrotask === 'undefined' ? (fn) => global.process.nextTick(fn) : queueMicrotask

// 29 bits used total (4 from shared, 14 from read, and 11 from write)
const MAX = (1 << 29) - 1

// Shared state
const OPENING = 0b0001
const PREDESTROYING = 0b0010
const DESTROYING = 0b0100
const DESTROYED = 0b1000

const NOT_OPENING = MAX ^ OPENING
const NOT_PREDESTROYING = MAX ^ PREDESTROYING

// Read state (4 bit offset from shared state)
const READ_ACTIVE = 0b00000000000001 << 4
const READ_UPDATING = 0b00000000000010 << 4
const READ_PRIMARY = 0b00000000000100 << 4
const READ_QUEUED = 0b00000000001000 << 4
const READ_RESUMED = 0b00000000010000 << 4
const READ_PIPE_DRAINED = 0b00000000100000 << 4
const READ_ENDING = 0b00000001000000 << 4
const READ_EMIT_DATA = 0b00000010000000 << 4
const READ_EMIT_READABLE = 0b00000100000000 << 4
const READ_EMITTED_READABLE = 0b00001000000000 << 4
const READ_DONE = 0b00010000000000 << 4
const READ_NEXT_TICK = 0b00100000000000 << 4
const READ_NEEDS_PUSH = 0b01000000000000 << 4
const READ_READ_AHEAD = 0b10000000000000 << 4

// Combined read state
const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED
const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH
const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE
const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED
const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD

const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE
const READ_NON_PRIMARY = MAX ^ READ_PRIMARY
const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH)
const READ_PUSHED = MAX ^ READ_NEEDS_PUSH
const READ_PAUSED = MAX ^ READ_RESUMED
const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE)
const READ_NOT_ENDING = MAX ^ READ_ENDING
const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING
const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK
const READ_NOT_UPDATING = MAX ^ READ_UPDATING
const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD
const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD

// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
const WRITE_ACTIVE = 0b00000000001 << 18
const WRITE_UPDATING = 0b00000000010 << 18
const WRITE_PRIMARY = 0b00000000100 << 18
const WRITE_QUEUED = 0b00000001000 << 18
const WRITE_UNDRAINED = 0b00000010000 << 18
const WRITE_DONE = 0b00000100000 << 18
const WRITE_EMIT_DRAIN = 0b00001000000 << 18
const WRITE_NEXT_TICK = 0b00010000000 << 18
const WRITE_WRITING = 0b00100000000 << 18
const WRITE_FINISHING = 0b01000000000 << 18
const WRITE_CORKED = 0b10000000000 << 18

const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING)
const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY
const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING)
const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED
const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED
const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK
const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING
const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED

// Combined shared state
const ACTIVE = READ_ACTIVE | WRITE_ACTIVE
const NOT_ACTIVE = MAX ^ ACTIVE
const DONE = READ_DONE | WRITE_DONE
const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING
const OPEN_STATUS = DESTROY_STATUS | OPENING
const AUTO_DESTROY = DESTROY_STATUS | DONE
const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY
const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK
const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE
const IS_OPENING = OPEN_STATUS | TICKING

// Combined shared state and read state
const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE
const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED
const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED
const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE
const SHOULD_NOT_READ =
  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD
const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE
const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY
const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING

// Combined write state
const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED
const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE
const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE
const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED
const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE
const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING
const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE
const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY
const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS

const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator')

class WritableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark
    this.buffered = 0
    this.error = null
    this.pipeline = null
    this.drains = null // if we add more seldomly used helpers we might them into a subobject so its a single ptr
    this.byteLength = byteLengthWritable || byteLength || defaultByteLength
    this.map = mapWritable || map
    this.afterWrite = afterWrite.bind(this)
    this.afterUpdateNextTick = updateWriteNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & WRITE_FINISHING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & WRITE_DONE) !== 0
  }

  push(data) {
    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
    if (this.map !== null) data = this.map(data)

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    if (this.buffered < this.highWaterMark) {
      this.stream._duplexState |= WRITE_QUEUED
      return true
    }

    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED
    return false
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED

    return data
  }

  end(data) {
    if (typeof data === 'function') {
      this.stream.once('finish', data)
    } else if (data !== undefined && data !== null) {
      this.push(data)
    }

    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY
  }

  autoBatch(data, cb) {
    const buffer = []
    const stream = this.stream

    buffer.push(data)
    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
      buffer.push(stream._writableState.shift())
    }

    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
    stream._writev(buffer, cb)
  }

  update() {
    const stream = this.stream

    stream._duplexState |= WRITE_UPDATING

    do {
      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
        const data = this.shift()
        stream._duplexState |= WRITE_ACTIVE_AND_WRITING
        stream._write(data, this.afterWrite)
      }

      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary()
    } while (this.continueUpdate() === true)

    stream._duplexState &= WRITE_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
      stream._duplexState = stream._duplexState | WRITE_ACTIVE
      stream._final(afterFinal.bind(this))
      return
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTick() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
    this.stream._duplexState |= WRITE_NEXT_TICK
    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class ReadableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark
    this.buffered = 0
    this.readAhead = highWaterMark > 0
    this.error = null
    this.pipeline = null
    this.byteLength = byteLengthReadable || byteLength || defaultByteLength
    this.map = mapReadable || map
    this.pipeTo = null
    this.afterRead = afterRead.bind(this)
    this.afterUpdateNextTick = updateReadNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & READ_ENDING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & READ_DONE) !== 0
  }

  pipe(pipeTo, cb) {
    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
    if (typeof cb !== 'function') cb = null

    this.stream._duplexState |= READ_PIPE_DRAINED
    this.pipeTo = pipeTo
    this.pipeline = new Pipeline(this.stream, pipeTo, cb)

    if (cb) this.stream.on('error', noop) // We already error handle this so supress crashes

    if (isStreamx(pipeTo)) {
      pipeTo._writableState.pipeline = this.pipeline
      if (cb) pipeTo.on('error', noop) // We already error handle this so supress crashes
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)) // TODO: just call finished from pipeTo itself
    } else {
      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo)
      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null) // onclose has a weird bool arg
      pipeTo.on('error', onerror)
      pipeTo.on('close', onclose)
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline))
    }

    pipeTo.on('drain', afterDrain.bind(this))
    this.stream.emit('piping', pipeTo)
    pipeTo.emit('pipe', this.stream)
  }

  push(data) {
    const stream = this.stream

    if (data === null) {
      this.highWaterMark = 0
      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED
      return false
    }

    if (this.map !== null) {
      data = this.map(data)
      if (data === null) {
        stream._duplexState &= READ_PUSHED
        return this.buffered < this.highWaterMark
      }
    }

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED

    return this.buffered < this.highWaterMark
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) {
      this.stream._duplexState &= READ_NOT_QUEUED
    }

    return data
  }

  unshift(data) {
    const pending = [this.map !== null ? this.map(data) : data]
    while (this.buffered > 0) pending.push(this.shift())

    for (let i = 0; i < pending.length - 1; i++) {
      const data = pending[i]
      this.buffered += this.byteLength(data)
      this.queue.push(data)
    }

    this.push(pending[pending.length - 1])
  }

  read() {
    const stream = this.stream

    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }

      return data
    }

    if (this.readAhead === false) {
      stream._duplexState |= READ_READ_AHEAD
      this.updateNextTick()
    }

    return null
  }

  drain() {
    const stream = this.stream

    while (
      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
      (stream._duplexState & READ_FLOWING) !== 0
    ) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }
    }
  }

  update() {
    const stream = this.stream

    stream._duplexState |= READ_UPDATING

    do {
      this.drain()

      while (
        this.buffered < this.highWaterMark &&
        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
      ) {
        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH
        stream._read(this.afterRead)
        this.drain()
      }

      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
        stream._duplexState |= READ_EMITTED_READABLE
        stream.emit('readable')
      }

      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
        this.updateNonPrimary()
      }
    } while (this.continueUpdate() === true)

    stream._duplexState &= READ_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING
      stream.emit('end')

      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING
      }

      if (this.pipeTo !== null) {
        this.pipeTo.end()
      }
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTickIfOpen() {
    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }

  updateNextTick() {
    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class TransformState {
  constructor(stream) {
    this.data = null
    this.afterTransform = afterTransform.bind(stream)
    this.afterFinal = null
  }
}

class Pipeline {
  constructor(src, dst, cb) {
    this.from = src
    this.to = dst
    this.afterPipe = cb
    this.error = null
    this.pipeToFinished = false
  }

  finished() {
    this.pipeToFinished = true
  }

  done(stream, err) {
    if (err) this.error = err

    if (stream === this.to) {
      this.to = null

      if (this.from !== null) {
        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'))
        }
        return
      }
    }

    if (stream === this.from) {
      this.from = null

      if (this.to !== null) {
        if ((stream._duplexState & READ_DONE) === 0) {
          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'))
        }
        return
      }
    }

    if (this.afterPipe !== null) this.afterPipe(this.error)
    this.to = this.from = this.afterPipe = null
  }
}

function afterDrain() {
  this.stream._duplexState |= READ_PIPE_DRAINED
  this.updateCallback()
}

function afterFinal(err) {
  const stream = this.stream
  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROY_STATUS) === 0) {
    stream._duplexState |= WRITE_DONE
    stream.emit('finish')
  }

  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
    stream._duplexState |= DESTROYING
  }

  stream._duplexState &= WRITE_NOT_FINISHING

  // no need to wait the extra tick here, so we short circuit that
  if ((stream._duplexState & WRITE_UPDATING) === 0) {
    this.update()
  } else {
    this.updateNextTick()
  }
}

function afterDestroy(err) {
  const stream = this.stream

  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error
  if (err) stream.emit('error', err)

  stream._duplexState |= DESTROYED
  stream.emit('close')

  const rs = stream._readableState
  const ws = stream._writableState

  if (rs !== null && rs.pipeline !== null) {
    rs.pipeline.done(stream, err)
  }

  if (ws !== null) {
    while (ws.drains !== null && ws.drains.length > 0) {
      ws.drains.shift().resolve(false)
    }

    if (ws.pipeline !== null) {
      ws.pipeline.done(stream, err)
    }
  }
}

function afterWrite(err) {
  const stream = this.stream

  if (err) stream.destroy(err)
  stream._duplexState &= WRITE_NOT_ACTIVE

  if (this.drains !== null) tickDrains(this.drains)

  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
    stream._duplexState &= WRITE_DRAINED

    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
      stream.emit('drain')
    }
  }

  this.updateCallback()
}

function afterRead(err) {
  if (err) this.stream.destroy(err)
  this.stream._duplexState &= READ_NOT_ACTIVE

  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
    this.stream._duplexState &= READ_NO_READ_AHEAD
  }

  this.updateCallback()
}

function updateReadNT() {
  if ((this.stream._duplexState & READ_UPDATING) === 0) {
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    this.update()
  }
}

function updateWriteNT() {
  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    this.update()
  }
}

function tickDrains(drains) {
  for (let i = 0; i < drains.length; i++) {
    // drains.writes are monotonic, so if one is 0 its always the first one
    if (--drains[i].writes === 0) {
      drains.shift().resolve(true)
      i--
    }
  }
}

function afterOpen(err) {
  const stream = this.stream

  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROYING) === 0) {
    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
      stream._duplexState |= READ_PRIMARY
    }

    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
      stream._duplexState |= WRITE_PRIMARY
    }

    stream.emit('open')
  }

  stream._duplexState &= NOT_ACTIVE

  if (stream._writableState !== null) {
    stream._writableState.updateCallback()
  }

  if (stream._readableState !== null) {
    stream._readableState.updateCallback()
  }
}

function afterTransform(err, data) {
  if (data !== undefined && data !== null) this.push(data)
  this._writableState.afterWrite(err)
}

function newListener(name) {
  if (this._readableState !== null) {
    if (name === 'data') {
      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD
      this._readableState.updateNextTick()
    }
    if (name === 'readable') {
      this._duplexState |= READ_EMIT_READABLE
      this._readableState.updateNextTick()
    }
  }

  if (this._writableState !== null) {
    if (name === 'drain') {
      this._duplexState |= WRITE_EMIT_DRAIN
      this._writableState.updateNextTick()
    }
  }
}

class Stream extends EventEmitter {
  constructor(opts) {
    super()

    this._duplexState = 0
    this._readableState = null
    this._writableState = null

    if (opts) {
      if (opts.open) this._open = opts.open
      if (opts.destroy) this._destroy = opts.destroy
      if (opts.predestroy) this._predestroy = opts.predestroy
      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this))
    }

    this.on('newListener', newListener)
  }

  _open(cb) {
    cb(null)
  }

  _destroy(cb) {
    cb(null)
  }

  _predestroy() {
    // does nothing
  }

  get readable() {
    return this._readableState !== null ? true : undefined
  }

  get writable() {
    return this._writableState !== null ? true : undefined
  }

  get destroyed() {
    return (this._duplexState & DESTROYED) !== 0
  }

  get destroying() {
    return (this._duplexState & DESTROY_STATUS) !== 0
  }

  destroy(err) {
    if ((this._duplexState & DESTROY_STATUS) === 0) {
      if (!err) err = StreamError.STREAM_DESTROYED()
      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY

      if (this._readableState !== null) {
        this._readableState.highWaterMark = 0
        this._readableState.error = err
      }

      if (this._writableState !== null) {
        this._writableState.highWaterMark = 0
        this._writableState.error = err
      }

      this._duplexState |= PREDESTROYING
      this._predestroy()
      this._duplexState &= NOT_PREDESTROYING

      if (this._readableState !== null) {
        this._readableState.updateNextTick()
      }

      if (this._writableState !== null) {
        this._writableState.updateNextTick()
      }
    }
  }
}

class Readable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD
    this._readableState = new ReadableState(this, opts)

    if (opts) {
      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD
      if (opts.read) this._read = opts.read
      if (opts.eagerOpen) this._readableState.updateNextTick()
      if (opts.encoding) this.setEncoding(opts.encoding)
    }
  }

  static deferred(fn, opts) {
    const out = new PassThrough(opts)

    fn()
      .then((src) => {
        if (src === null) return out.end()
        if (out.destroying) return
        pipeline(src, out, noop)
      })
      .catch((err) => out.destroy(err))

    return out
  }

  setEncoding(encoding) {
    const dec = new TextDecoder(encoding)
    const map = this._readableState.map || echo
    this._readableState.map = mapOrSkip
    return this

    function mapOrSkip(data) {
      const next = dec.push(data)
      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
    }
  }

  _read(cb) {
    cb(null)
  }

  pipe(dest, cb) {
    this._readableState.updateNextTick()
    this._readableState.pipe(dest, cb)
    return dest
  }

  read() {
    this._readableState.updateNextTick()
    return this._readableState.read()
  }

  push(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.push(data)
  }

  unshift(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.unshift(data)
  }

  resume() {
    this._duplexState |= READ_RESUMED_READ_AHEAD
    this._readableState.updateNextTick()
    return this
  }

  pause() {
    this._duplexState &=
      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED
    return this
  }

  static _fromAsyncIterator(ite, opts) {
    let destroy

    const rs = new Readable({
      ...opts,
      read(cb) {
        ite.next().then(push).then(cb.bind(null, null)).catch(cb)
      },
      predestroy() {
        destroy = ite.return()
      },
      destroy(cb) {
        if (!destroy) return cb(null)
        destroy.then(cb.bind(null, null)).catch(cb)
      }
    })

    return rs

    function push(data) {
      if (data.done) rs.push(null)
      else rs.push(data.value)
    }
  }

  static from(data, opts) {
    if (isReadStreamx(data)) return data
    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
    if (!Array.isArray(data)) data = data === undefined ? [] : [data]

    let i = 0
    return new Readable({
      ...opts,
      read(cb) {
        this.push(i === data.length ? null : data[i++])
        cb(null)
      }
    })
  }

  static isBackpressured(rs) {
    return (
      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
      rs._readableState.buffered >= rs._readableState.highWaterMark
    )
  }

  static isPaused(rs) {
    return (rs._duplexState & READ_RESUMED) === 0
  }

  [asyncIterator]() {
    const stream = this

    let error = null
    let promiseResolve = null
    let promiseReject = null

    this.on('error', (err) => {
      error = err
    })
    this.on('readable', onreadable)
    this.on('close', onclose)

    return {
      [asyncIterator]() {
        return this
      },
      next() {
        return new Promise(function (resolve, reject) {
          promiseResolve = resolve
          promiseReject = reject
          const data = stream.read()
          if (data !== null) ondata(data)
          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null)
        })
      },
      return() {
        return destroy(null)
      },
      throw(err) {
        return destroy(err)
      }
    }

    function onreadable() {
      if (promiseResolve !== null) ondata(stream.read())
    }

    function onclose() {
      if (promiseResolve !== null) ondata(null)
    }

    function ondata(data) {
      if (promiseReject === null) return
      if (error) {
        promiseReject(error)
      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
        promiseReject(StreamError.STREAM_DESTROYED())
      } else {
        promiseResolve({ value: data, done: data === null })
      }
      promiseReject = promiseResolve = null
    }

    function destroy(err) {
      stream.destroy(err)
      return new Promise((resolve, reject) => {
        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
        stream.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

class Writable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | READ_DONE
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
      if (opts.eagerOpen) this._writableState.updateNextTick()
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  static isBackpressured(ws) {
    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
  }

  static drained(ws) {
    if (ws.destroyed) return Promise.resolve(false)

    const state = ws._writableState
    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length
    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0)
    if (writes === 0) return Promise.resolve(true)

    if (state.drains === null) state.drains = []
    return new Promise((resolve) => {
      state.drains.push({ writes, resolve })
    })
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Duplex extends Readable {
  // and Writable
  constructor(opts) {
    super(opts)

    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD)
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Transform extends Duplex {
  constructor(opts) {
    super(opts)
    this._transformState = new TransformState(this)

    if (opts) {
      if (opts.transform) this._transform = opts.transform
      if (opts.flush) this._flush = opts.flush
    }
  }

  _write(data, cb) {
    if (this._readableState.buffered >= this._readableState.highWaterMark) {
      this._transformState.data = data
    } else {
      this._transform(data, this._transformState.afterTransform)
    }
  }

  _read(cb) {
    if (this._transformState.data !== null) {
      const data = this._transformState.data
      this._transformState.data = null
      cb(null)
      this._transform(data, this._transformState.afterTransform)
    } else {
      cb(null)
    }
  }

  destroy(err) {
    super.destroy(err)
    if (this._transformState.data !== null) {
      this._transformState.data = null
      this._transformState.afterTransform()
    }
  }

  _transform(data, cb) {
    cb(null, data)
  }

  _flush(cb) {
    cb(null)
  }

  _final(cb) {
    this._transformState.afterFinal = cb
    this._flush(transformAfterFlush.bind(this))
  }
}

class PassThrough extends Transform {}

function transformAfterFlush(err, data) {
  const cb = this._transformState.afterFinal
  if (err) return cb(err)

  if (data !== null && data !== undefined) this.push(data)
  this.push(null)
  cb(null)
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    return pipeline(...streams, (err) => {
      if (err) return reject(err)
      resolve()
    })
  })
}

function pipeline(stream, ...streams) {
  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams]
  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null

  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

  let src = all[0]
  let dest = null
  let error = null

  for (let i = 1; i < all.length; i++) {
    dest = all[i]

    if (isStreamx(src)) {
      src.pipe(dest, onerror)
    } else {
      errorHandle(src, true, i > 1, onerror)
      src.pipe(dest)
    }

    src = dest
  }

  if (done) {
    let fin = false

    const autoDestroy =
      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy)

    dest.on('error', (err) => {
      if (error === null) error = err
    })

    dest.on('finish', () => {
      fin = true
      if (!autoDestroy) done(error)
    })

    if (autoDestroy) {
      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())))
    }
  }

  return dest

  function errorHandle(s, rd, wr, onerror) {
    s.on('error', onerror)
    s.on('close', onclose)

    function onclose() {
      if (rd && s._readableState && !s._readableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
      if (wr && s._writableState && !s._writableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
    }
  }

  function onerror(err) {
    if (!err || error) return
    error = err

    for (const s of all) {
      s.destroy(err)
    }
  }
}

function echo(s) {
  return s
}

function isStream(stream) {
  return !!stream._readableState || !!stream._writableState
}

function isStreamx(stream) {
  return typeof stream._duplexState === 'number' && isStream(stream)
}

function isEnding(stream) {
  return !!stream._readableState && stream._readableState.ending
}

function isEnded(stream) {
  return !!stream._readableState && stream._readableState.ended
}

function isFinishing(stream) {
  return !!stream._writableState && stream._writableState.ending
}

function isFinished(stream) {
  return !!stream._writableState && stream._writableState.ended
}

function getStreamError(stream, opts = {}) {
  const err =
    (stream._readableState && stream._readableState.error) ||
    (stream._writableState && stream._writableState.error)

  // avoid implicit errors by default
  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
}

function isReadStreamx(stream) {
  return isStreamx(stream) && stream.readable
}

function isDisturbed(stream) {
  return (
    (stream._duplexState & OPENING) !== OPENING ||
    (stream._duplexState & DESTROYING) === DESTROYING ||
    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
  )
}

function isTypedArray(data) {
  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
}

function defaultByteLength(data) {
  return isTypedArray(data) ? data.byteLength : 1024
}

function noop() {}

function abort() {
  this.destroy(StreamError.ABORTED())
}

function isWritev(s) {
  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
}

module.exports = {
  pipeline,
  pipelinePromise,
  isStream,
  isStreamx,
  isEnding,
  isEnded,
  isFinishing,
  isFinished,
  isDisturbed,
  getStreamError,
  Stream,
  Writable,
  Readable,
  Duplex,
  Transform,
  // Export PassThrough for compatibility with Node.js core's stream module
  PassThrough
}


/***/ }),

/***/ 5657:
/***/ ((module) => {

module.exports = class StreamError extends Error {
  constructor(msg, code, fn = StreamError) {
    super(msg)

    this.code = code

    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, fn)
    }
  }

  static isStreamDestroyed(err) {
    return err && err.code === 'STREAM_DESTROYED'
  }

  static isPrematureClose(err) {
    return err && err.code === 'PREMATURE_CLOSE'
  }

  static isAborted(err) {
    return err && err.code === 'ABORTED'
  }

  static isBadArgument(err) {
    return err && err.code === 'BAD_ARGUMENT'
  }

  get name() {
    return 'StreamError'
  }

  static STREAM_DESTROYED() {
    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
  }

  static PREMATURE_CLOSE(msg = 'Premature close') {
    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
  }

  static ABORTED() {
    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
  }

  static BAD_ARGUMENT(msg = 'Bad argument') {
    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
  }
}


/***/ }),

/***/ 775:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const constants = { // just for envs without fs
  S_IFMT: 61440,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960
}

try {
  module.exports = (__nccwpck_require__(9896).constants) || constants
} catch {
  module.exports = constants
}


/***/ }),

/***/ 5763:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Writable, Readable, getStreamError } = __nccwpck_require__(6204)
const FIFO = __nccwpck_require__(3867)
const b4a = __nccwpck_require__(3057)
const headers = __nccwpck_require__(8428)

const EMPTY = b4a.alloc(0)
const MAX_HEADER_SIZE = 4 * 1024 * 1024 // arbitrary big number

class BufferList {
  constructor () {
    this.buffered = 0
    this.shifted = 0
    this.queue = new FIFO()

    this._offset = 0
  }

  push (buffer) {
    this.buffered += buffer.byteLength
    this.queue.push(buffer)
  }

  shiftFirst (size) {
    return this.buffered === 0 ? null : this._next(size)
  }

  shift (size) {
    if (size > this.buffered) return null
    if (size === 0) return EMPTY

    let chunk = this._next(size)

    if (size === chunk.byteLength) return chunk // likely case

    const chunks = [chunk]

    while ((size -= chunk.byteLength) > 0) {
      chunk = this._next(size)
      chunks.push(chunk)
    }

    return b4a.concat(chunks)
  }

  _next (size) {
    const buf = this.queue.peek()
    const rem = buf.byteLength - this._offset

    if (size >= rem) {
      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf
      this.queue.shift()
      this._offset = 0
      this.buffered -= rem
      this.shifted += rem
      return sub
    }

    this.buffered -= size
    this.shifted += size

    return buf.subarray(this._offset, (this._offset += size))
  }
}

class Source extends Readable {
  constructor (self, header, offset) {
    super()

    this.header = header
    this.offset = offset

    this._parent = self
  }

  _read (cb) {
    if (this.header.size === 0) {
      this.push(null)
    }
    if (this._parent._stream === this) {
      this._parent._update()
    }
    cb(null)
  }

  _predestroy () {
    this._parent.destroy(getStreamError(this))
  }

  _detach () {
    if (this._parent._stream === this) {
      this._parent._stream = null
      this._parent._missing = overflow(this.header.size)
      this._parent._update()
    }
  }

  _destroy (cb) {
    this._detach()
    cb(null)
  }
}

class Extract extends Writable {
  constructor (opts) {
    super(opts)

    if (!opts) opts = {}

    this._buffer = new BufferList()
    this._offset = 0
    this._header = null
    this._stream = null
    this._missing = 0
    this._longHeader = false
    this._callback = noop
    this._locked = false
    this._finished = false
    this._pax = null
    this._paxGlobal = null
    this._gnuLongPath = null
    this._gnuLongLinkPath = null
    this._filenameEncoding = opts.filenameEncoding || 'utf-8'
    this._allowUnknownFormat = !!opts.allowUnknownFormat
    this._unlockBound = this._unlock.bind(this)
  }

  _unlock (err) {
    this._locked = false

    if (err) {
      this.destroy(err)
      this._continueWrite(err)
      return
    }

    this._update()
  }

  _consumeHeader () {
    if (this._locked) return false

    this._offset = this._buffer.shifted

    try {
      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    if (!this._header) return true

    this._header.byteOffset = this._buffer.shifted

    switch (this._header.type) {
      case 'gnu-long-path':
      case 'gnu-long-link-path':
      case 'pax-global-header':
      case 'pax-header':
        this._longHeader = true
        this._missing = this._header.size
        if (this._missing > MAX_HEADER_SIZE) {
          this._continueWrite(new Error('Header exceeds max size'))
          return false
        }
        return true
    }

    this._locked = true
    this._applyLongHeaders()

    if (!(this._header.size >= 0)) {
      this._continueWrite(new Error('Invalid header'))
      return false
    }

    if (this._header.size === 0 || this._header.type === 'directory') {
      this.emit('entry', this._header, this._createStream(), this._unlockBound)
      return true
    }

    this._stream = this._createStream()
    this._missing = this._header.size

    this.emit('entry', this._header, this._stream, this._unlockBound)
    return true
  }

  _applyLongHeaders () {
    if (this._gnuLongPath) {
      this._header.name = this._gnuLongPath
      this._gnuLongPath = null
    }

    if (this._gnuLongLinkPath) {
      this._header.linkname = this._gnuLongLinkPath
      this._gnuLongLinkPath = null
    }

    if (this._pax) {
      if (this._pax.path) this._header.name = this._pax.path
      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath
      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10)
      this._header.pax = this._pax
      this._pax = null
    }
  }

  _decodeLongHeader (buf) {
    switch (this._header.type) {
      case 'gnu-long-path':
        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'gnu-long-link-path':
        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'pax-global-header':
        this._paxGlobal = headers.decodePax(buf)
        break
      case 'pax-header':
        this._pax = this._paxGlobal === null
          ? headers.decodePax(buf)
          : Object.assign({}, this._paxGlobal, headers.decodePax(buf))
        break
    }
  }

  _consumeLongHeader () {
    this._longHeader = false
    this._missing = overflow(this._header.size)

    const buf = this._buffer.shift(this._header.size)

    try {
      this._decodeLongHeader(buf)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    return true
  }

  _consumeStream () {
    const buf = this._buffer.shiftFirst(this._missing)
    if (buf === null) return false

    this._missing -= buf.byteLength
    const drained = this._stream.push(buf)

    if (this._missing === 0) {
      this._stream.push(null)
      if (drained) this._stream._detach()
      return drained && this._locked === false
    }

    return drained
  }

  _createStream () {
    return new Source(this, this._header, this._offset)
  }

  _update () {
    while (this._buffer.buffered > 0 && !this.destroying) {
      if (this._missing > 0) {
        if (this._stream !== null) {
          if (this._consumeStream() === false) return
          continue
        }

        if (this._longHeader === true) {
          if (this._missing > this._buffer.buffered) break
          if (this._consumeLongHeader() === false) return false
          continue
        }

        const ignore = this._buffer.shiftFirst(this._missing)
        if (ignore !== null) this._missing -= ignore.byteLength
        continue
      }

      if (this._buffer.buffered < 512) break
      if (this._stream !== null || this._consumeHeader() === false) return
    }

    this._continueWrite(null)
  }

  _continueWrite (err) {
    const cb = this._callback
    this._callback = noop
    cb(err)
  }

  _write (data, cb) {
    this._callback = cb
    this._buffer.push(data)
    this._update()
  }

  _final (cb) {
    this._finished = this._missing === 0 && this._buffer.buffered === 0
    cb(this._finished ? null : new Error('Unexpected end of data'))
  }

  _predestroy () {
    this._continueWrite(null)
  }

  _destroy (cb) {
    if (this._stream) this._stream.destroy(getStreamError(this))
    cb(null)
  }

  [Symbol.asyncIterator] () {
    let error = null

    let promiseResolve = null
    let promiseReject = null

    let entryStream = null
    let entryCallback = null

    const extract = this

    this.on('entry', onentry)
    this.on('error', (err) => { error = err })
    this.on('close', onclose)

    return {
      [Symbol.asyncIterator] () {
        return this
      },
      next () {
        return new Promise(onnext)
      },
      return () {
        return destroy(null)
      },
      throw (err) {
        return destroy(err)
      }
    }

    function consumeCallback (err) {
      if (!entryCallback) return
      const cb = entryCallback
      entryCallback = null
      cb(err)
    }

    function onnext (resolve, reject) {
      if (error) {
        return reject(error)
      }

      if (entryStream) {
        resolve({ value: entryStream, done: false })
        entryStream = null
        return
      }

      promiseResolve = resolve
      promiseReject = reject

      consumeCallback(null)

      if (extract._finished && promiseResolve) {
        promiseResolve({ value: undefined, done: true })
        promiseResolve = promiseReject = null
      }
    }

    function onentry (header, stream, callback) {
      entryCallback = callback
      stream.on('error', noop) // no way around this due to tick sillyness

      if (promiseResolve) {
        promiseResolve({ value: stream, done: false })
        promiseResolve = promiseReject = null
      } else {
        entryStream = stream
      }
    }

    function onclose () {
      consumeCallback(error)
      if (!promiseResolve) return
      if (error) promiseReject(error)
      else promiseResolve({ value: undefined, done: true })
      promiseResolve = promiseReject = null
    }

    function destroy (err) {
      extract.destroy(err)
      consumeCallback(err)
      return new Promise((resolve, reject) => {
        if (extract.destroyed) return resolve({ value: undefined, done: true })
        extract.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

module.exports = function extract (opts) {
  return new Extract(opts)
}

function noop () {}

function overflow (size) {
  size &= 511
  return size && 512 - size
}


/***/ }),

/***/ 8428:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

const ZEROS = '0000000000000000000'
const SEVENS = '7777777777777777777'
const ZERO_OFFSET = '0'.charCodeAt(0)
const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]) // ustar\x00
const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET])
const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]) // ustar\x20
const GNU_VER = b4a.from([0x20, 0x00])
const MASK = 0o7777
const MAGIC_OFFSET = 257
const VERSION_OFFSET = 263

exports.decodeLongPath = function decodeLongPath (buf, encoding) {
  return decodeStr(buf, 0, buf.length, encoding)
}

exports.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
  let result = ''
  if (opts.name) result += addLength(' path=' + opts.name + '\n')
  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n')
  const pax = opts.pax
  if (pax) {
    for (const key in pax) {
      result += addLength(' ' + key + '=' + pax[key] + '\n')
    }
  }
  return b4a.from(result)
}

exports.decodePax = function decodePax (buf) {
  const result = {}

  while (buf.length) {
    let i = 0
    while (i < buf.length && buf[i] !== 32) i++
    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10)
    if (!len) return result

    const b = b4a.toString(buf.subarray(i + 1, len - 1))
    const keyIndex = b.indexOf('=')
    if (keyIndex === -1) return result
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1)

    buf = buf.subarray(len)
  }

  return result
}

exports.encode = function encode (opts) {
  const buf = b4a.alloc(512)
  let name = opts.name
  let prefix = ''

  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/'
  if (b4a.byteLength(name) !== name.length) return null // utf-8

  while (b4a.byteLength(name) > 100) {
    const i = name.indexOf('/')
    if (i === -1) return null
    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i)
    name = name.slice(i + 1)
  }

  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

  b4a.write(buf, name)
  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100)
  b4a.write(buf, encodeOct(opts.uid, 6), 108)
  b4a.write(buf, encodeOct(opts.gid, 6), 116)
  encodeSize(opts.size, buf, 124)
  b4a.write(buf, encodeOct((opts.mtime.getTime() / 1000) | 0, 11), 136)

  buf[156] = ZERO_OFFSET + toTypeflag(opts.type)

  if (opts.linkname) b4a.write(buf, opts.linkname, 157)

  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET)
  b4a.copy(USTAR_VER, buf, VERSION_OFFSET)
  if (opts.uname) b4a.write(buf, opts.uname, 265)
  if (opts.gname) b4a.write(buf, opts.gname, 297)
  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329)
  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337)

  if (prefix) b4a.write(buf, prefix, 345)

  b4a.write(buf, encodeOct(cksum(buf), 6), 148)

  return buf
}

exports.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET

  let name = decodeStr(buf, 0, 100, filenameEncoding)
  const mode = decodeOct(buf, 100, 8)
  const uid = decodeOct(buf, 108, 8)
  const gid = decodeOct(buf, 116, 8)
  const size = decodeOct(buf, 124, 12)
  const mtime = decodeOct(buf, 136, 12)
  const type = toType(typeflag)
  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding)
  const uname = decodeStr(buf, 265, 32)
  const gname = decodeStr(buf, 297, 32)
  const devmajor = decodeOct(buf, 329, 8)
  const devminor = decodeOct(buf, 337, 8)

  const c = cksum(buf)

  // checksum is still initial value if header was null.
  if (c === 8 * 32) return null

  // valid checksum
  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

  if (isUSTAR(buf)) {
    // ustar (posix) format.
    // prepend prefix, if present.
    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name
  } else if (isGNU(buf)) {
    // 'gnu'/'oldgnu' format. Similar to ustar, but has support for incremental and
    // multi-volume tarballs.
  } else {
    if (!allowUnknownFormat) {
      throw new Error('Invalid tar header: unknown format.')
    }
  }

  // to support old tar versions that use trailing / to indicate dirs
  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5

  return {
    name,
    mode,
    uid,
    gid,
    size,
    byteOffset: 0,
    mtime: new Date(1000 * mtime),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor,
    pax: null
  }
}

function isUSTAR (buf) {
  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
}

function isGNU (buf) {
  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
}

function clamp (index, len, defaultValue) {
  if (typeof index !== 'number') return defaultValue
  index = ~~index // Coerce to integer.
  if (index >= len) return len
  if (index >= 0) return index
  index += len
  if (index >= 0) return index
  return 0
}

function toType (flag) {
  switch (flag) {
    case 0:
      return 'file'
    case 1:
      return 'link'
    case 2:
      return 'symlink'
    case 3:
      return 'character-device'
    case 4:
      return 'block-device'
    case 5:
      return 'directory'
    case 6:
      return 'fifo'
    case 7:
      return 'contiguous-file'
    case 72:
      return 'pax-header'
    case 55:
      return 'pax-global-header'
    case 27:
      return 'gnu-long-link-path'
    case 28:
    case 30:
      return 'gnu-long-path'
  }

  return null
}

function toTypeflag (flag) {
  switch (flag) {
    case 'file':
      return 0
    case 'link':
      return 1
    case 'symlink':
      return 2
    case 'character-device':
      return 3
    case 'block-device':
      return 4
    case 'directory':
      return 5
    case 'fifo':
      return 6
    case 'contiguous-file':
      return 7
    case 'pax-header':
      return 72
  }

  return 0
}

function indexOf (block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block[offset] === num) return offset
  }
  return end
}

function cksum (block) {
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]
  for (let j = 156; j < 512; j++) sum += block[j]
  return sum
}

function encodeOct (val, n) {
  val = val.toString(8)
  if (val.length > n) return SEVENS.slice(0, n) + ' '
  return ZEROS.slice(0, n - val.length) + val + ' '
}

function encodeSizeBin (num, buf, off) {
  buf[off] = 0x80
  for (let i = 11; i > 0; i--) {
    buf[off + i] = num & 0xff
    num = Math.floor(num / 0x100)
  }
}

function encodeSize (num, buf, off) {
  if (num.toString(8).length > 11) {
    encodeSizeBin(num, buf, off)
  } else {
    b4a.write(buf, encodeOct(num, 11), off)
  }
}

/* Copied from the node-tar repo and modified to meet
 * tar-stream coding standard.
 *
 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
 */
function parse256 (buf) {
  // first byte MUST be either 80 or FF
  // 80 for positive, FF for 2's comp
  let positive
  if (buf[0] === 0x80) positive = true
  else if (buf[0] === 0xFF) positive = false
  else return null

  // build up a base-256 tuple from the least sig to the highest
  const tuple = []
  let i
  for (i = buf.length - 1; i > 0; i--) {
    const byte = buf[i]
    if (positive) tuple.push(byte)
    else tuple.push(0xFF - byte)
  }

  let sum = 0
  const l = tuple.length
  for (i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i)
  }

  return positive ? sum : -1 * sum
}

function decodeOct (val, offset, length) {
  val = val.subarray(offset, offset + length)
  offset = 0

  // If prefixed with 0x80 then parse as a base-256 integer
  if (val[offset] & 0x80) {
    return parse256(val)
  } else {
    // Older versions of tar can prefix with spaces
    while (offset < val.length && val[offset] === 32) offset++
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length)
    while (offset < end && val[offset] === 0) offset++
    if (end === offset) return 0
    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
  }
}

function decodeStr (val, offset, length, encoding) {
  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
}

function addLength (str) {
  const len = b4a.byteLength(str)
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1
  if (len + digits >= Math.pow(10, digits)) digits++

  return (len + digits) + str
}


/***/ }),

/***/ 6118:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

exports.extract = __nccwpck_require__(5763)
exports.pack = __nccwpck_require__(861)


/***/ }),

/***/ 861:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Readable, Writable, getStreamError } = __nccwpck_require__(6204)
const b4a = __nccwpck_require__(3057)

const constants = __nccwpck_require__(775)
const headers = __nccwpck_require__(8428)

const DMODE = 0o755
const FMODE = 0o644

const END_OF_TAR = b4a.alloc(1024)

class Sink extends Writable {
  constructor (pack, header, callback) {
    super({ mapWritable, eagerOpen: true })

    this.written = 0
    this.header = header

    this._callback = callback
    this._linkname = null
    this._isLinkname = header.type === 'symlink' && !header.linkname
    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file'
    this._finished = false
    this._pack = pack
    this._openCallback = null

    if (this._pack._stream === null) this._pack._stream = this
    else this._pack._pending.push(this)
  }

  _open (cb) {
    this._openCallback = cb
    if (this._pack._stream === this) this._continueOpen()
  }

  _continuePack (err) {
    if (this._callback === null) return

    const callback = this._callback
    this._callback = null

    callback(err)
  }

  _continueOpen () {
    if (this._pack._stream === null) this._pack._stream = this

    const cb = this._openCallback
    this._openCallback = null
    if (cb === null) return

    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

    this._pack._stream = this

    if (!this._isLinkname) {
      this._pack._encode(this.header)
    }

    if (this._isVoid) {
      this._finish()
      this._continuePack(null)
    }

    cb(null)
  }

  _write (data, cb) {
    if (this._isLinkname) {
      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data
      return cb(null)
    }

    if (this._isVoid) {
      if (data.byteLength > 0) {
        return cb(new Error('No body allowed for this entry'))
      }
      return cb()
    }

    this.written += data.byteLength
    if (this._pack.push(data)) return cb()
    this._pack._drain = cb
  }

  _finish () {
    if (this._finished) return
    this._finished = true

    if (this._isLinkname) {
      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : ''
      this._pack._encode(this.header)
    }

    overflow(this._pack, this.header.size)

    this._pack._done(this)
  }

  _final (cb) {
    if (this.written !== this.header.size) { // corrupting tar
      return cb(new Error('Size mismatch'))
    }

    this._finish()
    cb(null)
  }

  _getError () {
    return getStreamError(this) || new Error('tar entry destroyed')
  }

  _predestroy () {
    this._pack.destroy(this._getError())
  }

  _destroy (cb) {
    this._pack._done(this)

    this._continuePack(this._finished ? null : this._getError())

    cb()
  }
}

class Pack extends Readable {
  constructor (opts) {
    super(opts)
    this._drain = noop
    this._finalized = false
    this._finalizing = false
    this._pending = []
    this._stream = null
  }

  entry (header, buffer, callback) {
    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

    if (typeof buffer === 'function') {
      callback = buffer
      buffer = null
    }

    if (!callback) callback = noop

    if (!header.size || header.type === 'symlink') header.size = 0
    if (!header.type) header.type = modeToType(header.mode)
    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE
    if (!header.uid) header.uid = 0
    if (!header.gid) header.gid = 0
    if (!header.mtime) header.mtime = new Date()

    if (typeof buffer === 'string') buffer = b4a.from(buffer)

    const sink = new Sink(this, header, callback)

    if (b4a.isBuffer(buffer)) {
      header.size = buffer.byteLength
      sink.write(buffer)
      sink.end()
      return sink
    }

    if (sink._isVoid) {
      return sink
    }

    return sink
  }

  finalize () {
    if (this._stream || this._pending.length > 0) {
      this._finalizing = true
      return
    }

    if (this._finalized) return
    this._finalized = true

    this.push(END_OF_TAR)
    this.push(null)
  }

  _done (stream) {
    if (stream !== this._stream) return

    this._stream = null

    if (this._finalizing) this.finalize()
    if (this._pending.length) this._pending.shift()._continueOpen()
  }

  _encode (header) {
    if (!header.pax) {
      const buf = headers.encode(header)
      if (buf) {
        this.push(buf)
        return
      }
    }
    this._encodePax(header)
  }

  _encodePax (header) {
    const paxHeader = headers.encodePax({
      name: header.name,
      linkname: header.linkname,
      pax: header.pax
    })

    const newHeader = {
      name: 'PaxHeader',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: paxHeader.byteLength,
      mtime: header.mtime,
      type: 'pax-header',
      linkname: header.linkname && 'PaxHeader',
      uname: header.uname,
      gname: header.gname,
      devmajor: header.devmajor,
      devminor: header.devminor
    }

    this.push(headers.encode(newHeader))
    this.push(paxHeader)
    overflow(this, paxHeader.byteLength)

    newHeader.size = header.size
    newHeader.type = header.type
    this.push(headers.encode(newHeader))
  }

  _doDrain () {
    const drain = this._drain
    this._drain = noop
    drain()
  }

  _predestroy () {
    const err = getStreamError(this)

    if (this._stream) this._stream.destroy(err)

    while (this._pending.length) {
      const stream = this._pending.shift()
      stream.destroy(err)
      stream._continueOpen()
    }

    this._doDrain()
  }

  _read (cb) {
    this._doDrain()
    cb()
  }
}

module.exports = function pack (opts) {
  return new Pack(opts)
}

function modeToType (mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFBLK: return 'block-device'
    case constants.S_IFCHR: return 'character-device'
    case constants.S_IFDIR: return 'directory'
    case constants.S_IFIFO: return 'fifo'
    case constants.S_IFLNK: return 'symlink'
  }

  return 'file'
}

function noop () {}

function overflow (self, size) {
  size &= 511
  if (size) self.push(END_OF_TAR.subarray(0, 512 - size))
}

function mapWritable (buf) {
  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
}


/***/ }),

/***/ 7934:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const PassThroughDecoder = __nccwpck_require__(7256)
const UTF8Decoder = __nccwpck_require__(6414)

module.exports = class TextDecoder {
  constructor(encoding = 'utf8') {
    this.encoding = normalizeEncoding(encoding)

    switch (this.encoding) {
      case 'utf8':
        this.decoder = new UTF8Decoder()
        break
      case 'utf16le':
      case 'base64':
        throw new Error('Unsupported encoding: ' + this.encoding)
      default:
        this.decoder = new PassThroughDecoder(this.encoding)
    }
  }

  get remaining() {
    return this.decoder.remaining
  }

  push(data) {
    if (typeof data === 'string') return data
    return this.decoder.decode(data)
  }

  // For Node.js compatibility
  write(data) {
    return this.push(data)
  }

  end(data) {
    let result = ''
    if (data) result = this.push(data)
    result += this.decoder.flush()
    return result
  }
}

function normalizeEncoding(encoding) {
  encoding = encoding.toLowerCase()

  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return 'utf8'
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le'
    case 'latin1':
    case 'binary':
      return 'latin1'
    case 'base64':
    case 'ascii':
    case 'hex':
      return encoding
    default:
      throw new Error('Unknown encoding: ' + encoding)
  }
}


/***/ }),

/***/ 7256:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

module.exports = class PassThroughDecoder {
  constructor(encoding) {
    this.encoding = encoding
  }

  get remaining() {
    return 0
  }

  decode(data) {
    return b4a.toString(data, this.encoding)
  }

  flush() {
    return ''
  }
}


/***/ }),

/***/ 6414:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

/**
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
module.exports = class UTF8Decoder {
  constructor() {
    this._reset()
  }

  get remaining() {
    return this.bytesSeen
  }

  decode(data) {
    if (data.byteLength === 0) return ''

    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
      this.bytesSeen = trailingBytesSeen(data)
      return b4a.toString(data, 'utf8')
    }

    let result = ''
    let start = 0

    if (this.bytesNeeded > 0) {
      while (start < data.byteLength) {
        const byte = data[start]

        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
          result += '\ufffd'
          this._reset()
          break
        }

        this.lowerBoundary = 0x80
        this.upperBoundary = 0xbf
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
        this.bytesSeen++
        start++

        if (this.bytesSeen === this.bytesNeeded) {
          result += String.fromCodePoint(this.codePoint)
          this._reset()
          break
        }
      }

      if (this.bytesNeeded > 0) return result
    }

    const trailing = trailingIncomplete(data, start)
    const end = data.byteLength - trailing

    if (end > start) result += b4a.toString(data, 'utf8', start, end)

    for (let i = end; i < data.byteLength; i++) {
      const byte = data[i]

      if (this.bytesNeeded === 0) {
        if (byte <= 0x7f) {
          this.bytesSeen = 0
          result += String.fromCharCode(byte)
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.bytesNeeded = 2
          this.bytesSeen = 1
          this.codePoint = byte & 0x1f
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lowerBoundary = 0xa0
          else if (byte === 0xed) this.upperBoundary = 0x9f
          this.bytesNeeded = 3
          this.bytesSeen = 1
          this.codePoint = byte & 0xf
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lowerBoundary = 0x90
          else if (byte === 0xf4) this.upperBoundary = 0x8f
          this.bytesNeeded = 4
          this.bytesSeen = 1
          this.codePoint = byte & 0x7
        } else {
          this.bytesSeen = 1
          result += '\ufffd'
        }

        continue
      }

      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
        result += '\ufffd'
        i--
        this._reset()

        continue
      }

      this.lowerBoundary = 0x80
      this.upperBoundary = 0xbf

      this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
      this.bytesSeen++

      if (this.bytesSeen === this.bytesNeeded) {
        result += String.fromCodePoint(this.codePoint)
        this._reset()
      }
    }

    return result
  }

  flush() {
    const result = this.bytesNeeded > 0 ? '\ufffd' : ''
    this._reset()
    return result
  }

  _reset() {
    this.codePoint = 0
    this.bytesNeeded = 0
    this.bytesSeen = 0
    this.lowerBoundary = 0x80
    this.upperBoundary = 0xbf
  }
}

function trailingIncomplete(data, start) {
  const len = data.byteLength
  if (len <= start) return 0

  const limit = Math.max(start, len - 4)

  let i = len - 1
  while (i > limit && (data[i] & 0xc0) === 0x80) i--

  if (i < start) return 0

  const byte = data[i]

  let needed
  if (byte <= 0x7f) return 0
  if (byte >= 0xc2 && byte <= 0xdf) needed = 2
  else if (byte >= 0xe0 && byte <= 0xef) needed = 3
  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4
  else return 0

  const available = len - i
  return available < needed ? available : 0
}

function trailingBytesSeen(data) {
  const len = data.byteLength
  if (len === 0) return 0

  const last = data[len - 1]

  if (last <= 0x7f) return 0
  if ((last & 0xc0) !== 0x80) return 1

  const limit = Math.max(0, len - 4)

  let i = len - 2
  while (i >= limit && (data[i] & 0xc0) === 0x80) i--

  if (i < 0) return 1

  const first = data[i]

  let needed
  if (first >= 0xc2 && first <= 0xdf) needed = 2
  else if (first >= 0xe0 && first <= 0xef) needed = 3
  else if (first >= 0xf0 && first <= 0xf4) needed = 4
  else return 1

  if (len - i !== needed) return 1

  if (needed >= 3) {
    const second = data[i + 1]
    if (first === 0xe0 && second < 0xa0) return 1
    if (first === 0xed && second > 0x9f) return 1
    if (first === 0xf0 && second < 0x90) return 1
    if (first === 0xf4 && second > 0x8f) return 1
  }

  return 0
}


/***/ }),

/***/ 3383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 4612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 9715:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ fileSignature),
/* harmony export */   VQ: () => (/* binding */ formatMode),
/* harmony export */   Xo: () => (/* binding */ compareBytes),
/* harmony export */   fG: () => (/* binding */ hashEntries),
/* harmony export */   wz: () => (/* binding */ signatureSize)
/* harmony export */ });
/* unused harmony exports entrySignature, sortedByBytes */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * What BuildKit's cache key covers for one entry, as one line: type, permission bits, content
 * (or symlink target) digest, and the name. Never mtime, never uid/gid. The path is JSON-quoted
 * so that names with spaces or newlines cannot collide with another entry's line.
 */
function entrySignature(e) {
    return `${e.type} ${formatMode(e.mode)} ${e.digest ?? '-'}`;
}
/** `0644`-style permission bits. */
function formatMode(mode) {
    return (mode & 0o7777).toString(8).padStart(4, '0');
}
/**
 * sha256 over the entries' signatures and names, in path byte order. Used for the context hash
 * (all entries) and for each step's source hash (the entries that step selects).
 */
function hashEntries(entries) {
    // The walk returns entries sorted and step selections keep that order: check, do not re-sort.
    const sorted = sortedByBytes(entries)
        ? entries
        : [...entries].sort((a, b) => compareBytes(a.path, b.path));
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const e of sorted)
        h.update(`${entrySignature(e)} ${JSON.stringify(e.path)}\n`);
    return `sha256:${h.digest('hex')}`;
}
// UTF-16 order equals UTF-8 byte order for strings without surrogates or U+E000-U+FFFF.
const ABOVE_SURROGATES = /[\uD800-\uFFFF]/;
/** The entries are in path byte order (ties allowed), checked in one pass. */
function sortedByBytes(entries) {
    for (let i = 1; i < entries.length; i++) {
        const a = entries[i - 1].path;
        const b = entries[i].path;
        if (a <= b && !ABOVE_SURROGATES.test(a) && !ABOVE_SURROGATES.test(b))
            continue;
        if (compareBytes(a, b) > 0)
            return false;
    }
    return true;
}
/** Byte-order comparison of paths, the same on every machine and locale. */
function compareBytes(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
/**
 * The record's per-entry signature: what BuildKit's key covers plus the size, which lets a stale
 * file be explained as a same-size edit (the case Docker's size+mtime shortcut misses).
 */
function fileSignature(e) {
    return `${entrySignature(e)} ${e.size}`;
}
/** The size a fileSignature recorded, or null for a signature without one. */
function signatureSize(signature) {
    const parts = signature.split(' ');
    if (parts.length < 4)
        return null;
    const size = Number(parts[3]);
    return Number.isSafeInteger(size) ? size : null;
}


/***/ }),

/***/ 4177:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Bi: () => (/* binding */ DockerError),
  yE: () => (/* binding */ commandError),
  _n: () => (/* binding */ dockerClient),
  SW: () => (/* binding */ dockerExec),
  HY: () => (/* binding */ lastErrorLine),
  eF: () => (/* binding */ run),
  nf: () => (/* binding */ runOrThrow)
});

// UNUSED EXPORTS: commandLabel

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __nccwpck_require__(6193);
// EXTERNAL MODULE: ./src/util/error.ts
var error = __nccwpck_require__(7610);
;// CONCATENATED MODULE: ./src/docker/exec.ts
/**
 * The one process wrapper every docker call goes through: argv arrays only (never a shell),
 * explicit exit codes (a non-zero exit is data, not an exception), bounded capture, live lines.
 */



/** One-line error for anything docker-related the caller should report as is. */
class DockerError extends error/* FreshBuildError */.n {
    code;
    constructor(message, code = null) {
        // Keep it one line: daemon messages sometimes carry newlines.
        super(message.replace(/\s*\r?\n\s*/g, ' ').trim());
        this.code = code;
    }
}
const DEFAULT_CAPTURE = 16 * 1024 * 1024;
const SIGNALS = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGKILL: 9,
    SIGPIPE: 13,
    SIGTERM: 15
};
/** Keeps the last `limit` bytes of a stream. */
class TailBuffer {
    limit;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.limit && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.limit;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
            }
            this.truncated = true;
        }
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
/** Splits a byte stream into lines without breaking multi-byte characters. */
class LineSplitter {
    emit;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    rest = '';
    constructor(emit) {
        this.emit = emit;
    }
    push(chunk) {
        const parts = (this.rest + this.decoder.write(chunk)).split('\n');
        this.rest = parts.pop() ?? '';
        for (const p of parts)
            this.emit(p.endsWith('\r') ? p.slice(0, -1) : p);
    }
    end() {
        const last = this.rest + this.decoder.end();
        this.rest = '';
        if (last !== '')
            this.emit(last.endsWith('\r') ? last.slice(0, -1) : last);
    }
}
/**
 * Spawns `cmd args...` without a shell. Resolves for every exit code; rejects only when the
 * process cannot start (a missing binary is reported as a DockerError naming it) or when
 * `onStdout` throws.
 */
function run(cmd, args, opts = {}) {
    const limit = opts.maxCapture ?? DEFAULT_CAPTURE;
    const env = Object.fromEntries(Object.entries({ ...(opts.baseEnv ?? process.env), ...opts.env }).filter(([, v]) => v !== undefined));
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(cmd, args, {
            shell: false,
            cwd: opts.cwd,
            env,
            stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
        });
        const { stdout, stderr } = child;
        if (!stdout || !stderr)
            throw new DockerError(`cannot run "${cmd}": no output pipes`);
        const out = new TailBuffer(limit);
        const err = new TailBuffer(limit);
        const outLines = new LineSplitter(l => opts.onLine?.(l, 'stdout'));
        const errLines = new LineSplitter(l => opts.onLine?.(l, 'stderr'));
        let aborted = false;
        let sinkError = null;
        let settled = false;
        const onAbort = () => {
            aborted = true;
            child.kill('SIGTERM');
        };
        if (opts.signal?.aborted)
            onAbort();
        else
            opts.signal?.addEventListener('abort', onAbort, { once: true });
        // With a raw consumer, read stdout by async iteration so its awaits throttle the process.
        const stdoutDone = opts.onStdout
            ? (async () => {
                try {
                    for await (const chunk of stdout)
                        await opts.onStdout?.(chunk);
                }
                catch (e) {
                    sinkError = e;
                    child.kill('SIGTERM');
                    stdout.resume();
                }
            })()
            : new Promise(res => {
                stdout.on('data', (chunk) => {
                    out.push(chunk);
                    if (opts.onLine)
                        outLines.push(chunk);
                });
                stdout.on('end', res);
                stdout.on('error', () => res());
            });
        stderr.on('data', (chunk) => {
            err.push(chunk);
            if (opts.onLine)
                errLines.push(chunk);
        });
        child.once('error', (e) => {
            if (settled)
                return;
            settled = true;
            opts.signal?.removeEventListener('abort', onAbort);
            if (e.code === 'ENOENT') {
                reject(new DockerError(`cannot run "${cmd}": not found (install the docker CLI or set DOCKER_PATH)`));
            }
            else if (e.code === 'EACCES') {
                reject(new DockerError(`cannot run "${cmd}": permission denied`));
            }
            else {
                reject(new DockerError(`cannot run "${cmd}": ${e.message}`));
            }
        });
        child.once('close', (code, signal) => {
            void stdoutDone.then(() => {
                if (settled)
                    return;
                settled = true;
                opts.signal?.removeEventListener('abort', onAbort);
                if (sinkError !== null) {
                    reject(sinkError instanceof Error ? sinkError : new Error(String(sinkError)));
                    return;
                }
                outLines.end();
                errLines.end();
                resolve({
                    code: code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0),
                    stdout: out.text(),
                    stderr: err.text(),
                    truncated: out.truncated || err.truncated,
                    aborted
                });
            });
        });
        if (opts.input !== undefined && child.stdin)
            child.stdin.end(opts.input);
    });
}
/**
 * The docker client to use: an explicit path, else `DOCKER_PATH`, else `docker` on PATH.
 * DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG... pass through in `env` untouched.
 */
function dockerClient(opts = {}) {
    const env = opts.env ?? process.env;
    const bin = opts.dockerPath || env.DOCKER_PATH || 'docker';
    return { bin, env };
}
/** Binds a client: the returned function runs `bin args...` with the client's environment. */
function dockerExec(client) {
    return (args, opts = {}) => run(client.bin, args, { ...opts, baseEnv: client.env });
}
/** The last non-empty stderr line (else stdout's), which is where docker puts the reason. */
function lastErrorLine(result) {
    for (const text of [result.stderr, result.stdout]) {
        const lines = text.split(/\r?\n/).map(l => l.trim());
        for (let i = lines.length - 1; i >= 0; i--)
            if (lines[i] !== '')
                return lines[i];
    }
    return `exit code ${result.code}`;
}
/** `docker <subcommand>` as a short label for messages: the leading non-flag words. */
function commandLabel(args) {
    const words = [];
    for (const a of args) {
        if (a.startsWith('-') || words.length === 2)
            break;
        words.push(a);
    }
    return ['docker', ...words].join(' ');
}
/** A DockerError for a failed command: which command, then docker's own last line. */
function commandError(args, result) {
    return new DockerError(`${commandLabel(args)} failed (exit ${result.code}): ${lastErrorLine(result)}`, result.code);
}
/** Runs and throws a commandError on a non-zero exit; for calls where failure is fatal. */
async function runOrThrow(exec, args, opts) {
    const result = await exec(args, opts);
    if (result.code !== 0)
        throw commandError(args, result);
    return result;
}


/***/ }),

/***/ 8262:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mx: () => (/* binding */ newRecord),
/* harmony export */   OM: () => (/* binding */ diffRecords),
/* harmony export */   vl: () => (/* binding */ changedPaths),
/* harmony export */   wL: () => (/* binding */ fileSignatures)
/* harmony export */ });
/* harmony import */ var _context_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9715);

/**
 * Compares the recorded files with the current ones (path -> signature). Each list is sorted in
 * byte order, the same on every machine and locale.
 */
function diffRecords(previous, files) {
    const changed = [];
    const added = [];
    const removed = [];
    const before = new Map(Object.entries(previous.files));
    for (const [path, sig] of Object.entries(files)) {
        const old = before.get(path);
        if (old === undefined)
            added.push(path);
        else if (old !== sig)
            changed.push(path);
    }
    for (const path of before.keys())
        if (!Object.hasOwn(files, path))
            removed.push(path);
    return {
        changed: changed.sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo),
        added: added.sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo),
        removed: removed.sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo)
    };
}
/** Every path the diff touches, sorted: the changed-files list of the verdict. */
function changedPaths(diff) {
    return [...diff.changed, ...diff.added, ...diff.removed].sort(_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBytes */ .Xo);
}
/** The path -> signature map a record keeps for a context scan's entries. */
function fileSignatures(entries) {
    // fromEntries defines own properties, so a file named `__proto__` stays a file.
    return Object.fromEntries(entries.map(e => [e.path, (0,_context_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .fileSignature */ .$)(e)]));
}
/** Assembles the record of a build judged good. */
function newRecord(input) {
    return {
        version: input.inputs ? 2 : 1,
        contextHash: input.contextHash,
        files: input.files,
        steps: input.steps.map(s => ({
            stage: s.stage,
            index: s.index,
            instruction: s.instruction,
            line: s.line,
            sourceHash: s.sourceHash
        })),
        commit: input.commit,
        buildId: input.buildId,
        imageId: input.imageId,
        tags: [...input.tags],
        builtAt: (input.builtAt ?? new Date()).toISOString(),
        dockerfile: input.dockerfile,
        ...(input.inputs ? { inputs: { ...input.inputs } } : {})
    };
}


/***/ }),

/***/ 2847:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  W1: () => (/* reexport */ RecordError),
  K0: () => (/* reexport */ defaultStatePath),
  wL: () => (/* reexport */ diff/* fileSignatures */.wL),
  Mx: () => (/* reexport */ diff/* newRecord */.Mx),
  aE: () => (/* reexport */ readRecord),
  FZ: () => (/* reexport */ recordLabels),
  fB: () => (/* reexport */ stateInsideContext),
  D4: () => (/* reexport */ withRecordLock),
  rh: () => (/* reexport */ writeRecord)
});

// UNUSED EXPORTS: LockError, RecordShapeError, changedPaths, diffRecords, nodeRecordFs, parseRecord, pidAlive, recordFromLabels, stateDir, validateRecord

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/util/errno.ts
var errno = __nccwpck_require__(8196);
;// CONCATENATED MODULE: ./src/record/validate.ts
/** Thrown by {@link validateRecord}; `field` is the JSON path of the first bad value. */
class RecordShapeError extends Error {
    field;
    constructor(field, problem) {
        super(`${field} ${problem}`);
        this.field = field;
        this.name = 'RecordShapeError';
    }
}
const HASH = /^sha256:[0-9a-f]{64}$/;
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isString(v) {
    return typeof v === 'string';
}
function describe(v) {
    if (v === null)
        return 'null';
    if (v === undefined)
        return 'missing';
    if (Array.isArray(v))
        return 'an array';
    return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}
function str(o, key, at) {
    const v = o[key];
    if (typeof v !== 'string')
        throw new RecordShapeError(`${at}${key}`, `must be a string, not ${describe(v)}`);
    return v;
}
function hash(o, key, at) {
    const v = str(o, key, at);
    if (!HASH.test(v))
        throw new RecordShapeError(`${at}${key}`, 'must be sha256:<64 hex>');
    return v;
}
function nullableStr(o, key, at) {
    const v = o[key];
    if (v === null)
        return null;
    if (typeof v !== 'string') {
        throw new RecordShapeError(`${at}${key}`, `must be a string or null, not ${describe(v)}`);
    }
    return v;
}
function positiveInt(o, key, at) {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
        throw new RecordShapeError(`${at}${key}`, `must be a positive integer, not ${describe(v)}`);
    }
    return v;
}
/**
 * Checks that `value` is a version-1 or version-2 BuildRecord (2 adds `inputs`) and returns a clean copy holding only the known
 * fields (unknown fields are dropped, so a newer writer's extras never leak into our writes).
 * Throws RecordShapeError naming the first field at fault.
 */
function validateRecord(value) {
    if (!isObject(value))
        throw new RecordShapeError('(root)', `must be an object, not ${describe(value)}`);
    if (value.version !== 1 && value.version !== 2) {
        throw new RecordShapeError('version', `is ${describe(value.version)}; this build reads versions 1 and 2`);
    }
    const version = value.version;
    let inputs;
    if (version === 2) {
        const i = value.inputs;
        if (!isObject(i))
            throw new RecordShapeError('inputs', `must be an object, not ${describe(i)}`);
        inputs = {
            dockerfile: hash(i, 'dockerfile', 'inputs.'),
            ignoreFile: nullableStr(i, 'ignoreFile', 'inputs.'),
            ignore: i.ignore === null ? null : hash(i, 'ignore', 'inputs.')
        };
    }
    const files = value.files;
    if (!isObject(files))
        throw new RecordShapeError('files', `must be an object, not ${describe(files)}`);
    // One typeof per entry and no copy: the object holds only path -> string once this passes.
    // (JSON.parse and fromEntries define own properties, so a file named `__proto__` stays a file.)
    for (const path of Object.keys(files)) {
        const sig = files[path];
        if (typeof sig !== 'string') {
            throw new RecordShapeError(`files[${JSON.stringify(path)}]`, `must be a string, not ${describe(sig)}`);
        }
    }
    const cleanFiles = files;
    const steps = value.steps;
    if (!Array.isArray(steps))
        throw new RecordShapeError('steps', `must be an array, not ${describe(steps)}`);
    const cleanSteps = steps.map((s, i) => {
        const at = `steps[${i}].`;
        if (!isObject(s))
            throw new RecordShapeError(`steps[${i}]`, `must be an object, not ${describe(s)}`);
        return {
            stage: str(s, 'stage', at),
            index: positiveInt(s, 'index', at),
            instruction: str(s, 'instruction', at),
            line: positiveInt(s, 'line', at),
            sourceHash: hash(s, 'sourceHash', at)
        };
    });
    const tags = value.tags;
    if (!Array.isArray(tags) || !tags.every(isString)) {
        throw new RecordShapeError('tags', 'must be an array of strings');
    }
    const builtAt = str(value, 'builtAt', '');
    if (Number.isNaN(Date.parse(builtAt)))
        throw new RecordShapeError('builtAt', 'must be an ISO time');
    return {
        version,
        contextHash: hash(value, 'contextHash', ''),
        files: cleanFiles,
        steps: cleanSteps,
        commit: nullableStr(value, 'commit', ''),
        buildId: nullableStr(value, 'buildId', ''),
        imageId: nullableStr(value, 'imageId', ''),
        tags: [...tags],
        builtAt,
        dockerfile: str(value, 'dockerfile', ''),
        ...(inputs ? { inputs } : {})
    };
}

// EXTERNAL MODULE: ./src/util/error.ts
var error = __nccwpck_require__(7610);
;// CONCATENATED MODULE: ./src/record/store.ts






/**
 * The record file is unusable: unreadable, not JSON, another version, or the wrong shape. The
 * message is one line naming the path and the fault; the caller decides whether that is fatal.
 */
class RecordError extends error/* FreshBuildError */.n {
    path;
    constructor(path, problem) {
        super(oneLine(`${path}: ${problem}`));
        this.path = path;
    }
}
const nodeRecordFs = {
    readFile: path => (0,promises_.readFile)(path, 'utf8'),
    mkdirp: async (path) => {
        await (0,promises_.mkdir)(path, { recursive: true });
    },
    writeSynced: async (path, data) => {
        const fh = await (0,promises_.open)(path, 'wx', 0o644);
        try {
            await fh.writeFile(data, 'utf8');
            await fh.sync();
        }
        finally {
            await fh.close();
        }
    },
    rename: (from, to) => (0,promises_.rename)(from, to),
    unlink: path => (0,promises_.unlink)(path),
    syncDir: async (path) => {
        const fh = await (0,promises_.open)(path, 'r');
        try {
            await fh.sync();
        }
        catch (e) {
            // Some file systems cannot fsync a directory; the rename is still atomic there.
            if (!['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP'].includes((0,errno/* errCode */.t)(e) ?? ''))
                throw e;
        }
        finally {
            await fh.close();
        }
    }
};
/**
 * Reads the record of the last good build. Null when there is none yet (the file does not
 * exist); a RecordError for anything else, since silently treating a damaged record as "no
 * record" would turn the next build into an unchecked baseline.
 */
async function readRecord(path, fs = nodeRecordFs) {
    let text;
    try {
        text = await fs.readFile(path);
    }
    catch (e) {
        if ((0,errno/* errCode */.t)(e) === 'ENOENT')
            return null;
        throw new RecordError(path, `cannot read the record: ${errText(e)}`);
    }
    return parseRecord(text, path);
}
/** Parses and validates record JSON; `path` only names the source in errors. */
function parseRecord(text, path) {
    if (text.trim() === '')
        throw new RecordError(path, 'the record file is empty');
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new RecordError(path, `the record is not valid JSON (${errText(e)})`);
    }
    try {
        return validateRecord(value);
    }
    catch (e) {
        if (e instanceof RecordShapeError) {
            const what = e.field === 'version' ? 'unsupported record' : 'malformed record';
            throw new RecordError(path, `${what}: ${e.message}`);
        }
        throw e;
    }
}
/**
 * Replaces the record atomically: a temp file in the same directory (same file system, so the
 * rename is atomic), fsync, rename over the old record, fsync the directory. If any step fails
 * the previous record is left as it was and the temp file is removed.
 */
async function writeRecord(path, record, fs = nodeRecordFs) {
    let clean;
    try {
        clean = validateRecord(record);
    }
    catch (e) {
        throw new RecordError(path, `refusing to write a malformed record: ${errText(e)}`);
    }
    const dir = (0,external_node_path_.dirname)(path);
    const tmp = (0,external_node_path_.join)(dir, `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        await fs.mkdirp(dir);
        await fs.writeSynced(tmp, `${JSON.stringify(clean, null, 2)}\n`);
        await fs.rename(tmp, path);
    }
    catch (e) {
        await fs.unlink(tmp).catch(() => undefined);
        throw new RecordError(path, `cannot write the record: ${errText(e)}`);
    }
    try {
        await fs.syncDir(dir);
    }
    catch (e) {
        throw new RecordError(path, `record written but its directory could not be synced: ${errText(e)}`);
    }
}
/** A thrown value as one short line (Error or not). */
function errText(e) {
    return oneLine((0,error/* thrownMessage */.U)(e));
}
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __nccwpck_require__(6698);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/record/lock.ts









/** The lock could not be taken in time, or is already held by this process. */
class LockError extends error/* FreshBuildError */.n {
    lockPath;
    constructor(lockPath, problem) {
        super(`${lockPath}: ${problem}`);
        this.lockPath = lockPath;
    }
}
/** Lock paths this process holds; a lock naming our own pid but not listed here is stale. */
const held = new Set();
/** Lock paths held by the calling async chain, to refuse a nested take (it would deadlock). */
const chain = new external_node_async_hooks_.AsyncLocalStorage();
/**
 * Runs `fn` while holding `<path>.lock`, so two runs on one host cannot interleave reading,
 * building and writing the record. The lock file is created with O_EXCL and holds pid, host, time
 * and a random token; a lock whose pid is dead on this host is reclaimed. Waits with capped
 * exponential backoff until `timeoutMs`.
 */
async function withRecordLock(path, fn, opts = {}) {
    const lockPath = `${(0,external_node_path_.resolve)(path)}.lock`;
    const outer = chain.getStore() ?? new Set();
    if (outer.has(lockPath))
        throw new LockError(lockPath, 'already held by this call chain (nested lock)');
    const info = await acquire(lockPath, opts);
    try {
        return await chain.run(new Set([...outer, lockPath]), fn);
    }
    finally {
        held.delete(lockPath);
        await release(lockPath, info.token);
    }
}
async function acquire(lockPath, opts) {
    const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
    const maxDelay = opts.maxDelayMs ?? 2000;
    let delay = opts.minDelayMs ?? 50;
    const host = opts.host ?? (0,external_node_os_.hostname)();
    const deadline = Date.now() + timeoutMs;
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(lockPath), { recursive: true });
    for (;;) {
        const info = {
            pid: process.pid,
            host,
            time: new Date().toISOString(),
            token: (0,external_node_crypto_.randomBytes)(8).toString('hex')
        };
        // Marked held the moment the file exists, before another caller in this process can read it
        // and mistake our pid for a stale incarnation.
        if (await tryCreate(lockPath, info, () => held.add(lockPath)))
            return info;
        const holder = await readHolder(lockPath);
        if (holder !== 'gone' && (await isStale(lockPath, holder, host, opts))) {
            await reclaim(lockPath, holder, host, opts);
            continue;
        }
        if (holder === 'gone')
            continue;
        if (Date.now() >= deadline) {
            const who = holder === null
                ? 'an unreadable lock file'
                : `pid ${holder.pid} on ${holder.host} since ${holder.time}`;
            throw new LockError(lockPath, `still locked by ${who} after ${Math.round(timeoutMs / 1000)}s; delete the file if that run is gone`);
        }
        const wait = Math.min(delay, Math.max(0, deadline - Date.now()));
        await (0,external_node_timers_promises_namespaceObject.setTimeout)(wait / 2 + Math.random() * (wait / 2));
        delay = Math.min(delay * 2, maxDelay);
    }
}
async function tryCreate(lockPath, info, onCreated) {
    let fh;
    try {
        fh = await (0,promises_.open)(lockPath, 'wx', 0o644);
    }
    catch (e) {
        if ((0,errno/* errCode */.t)(e) === 'EEXIST')
            return false;
        throw new LockError(lockPath, `cannot create the lock: ${errText(e)}`);
    }
    onCreated?.();
    try {
        await fh.writeFile(`${JSON.stringify(info)}\n`, 'utf8');
    }
    catch (e) {
        // An empty lock would block every other run until it aged out.
        held.delete(lockPath);
        await fh.close().catch(() => undefined);
        await (0,promises_.unlink)(lockPath).catch(() => undefined);
        throw new LockError(lockPath, `cannot write the lock: ${errText(e)}`);
    }
    await fh.close();
    return true;
}
/** The holder as written, null when unparseable (possibly still being written), 'gone' if absent. */
async function readHolder(lockPath) {
    let text;
    try {
        text = await (0,promises_.readFile)(lockPath, 'utf8');
    }
    catch (e) {
        if ((0,errno/* errCode */.t)(e) === 'ENOENT')
            return 'gone';
        throw new LockError(lockPath, `cannot read the lock: ${errText(e)}`);
    }
    return parseLock(text);
}
function parseLock(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return null;
    }
    if (typeof v !== 'object' || v === null)
        return null;
    const o = v;
    const { pid, host, time, token } = o;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0)
        return null;
    if (typeof host !== 'string' || typeof time !== 'string' || typeof token !== 'string')
        return null;
    return { pid, host, time, token };
}
async function isStale(lockPath, holder, host, opts) {
    if (holder !== null && holder.host === host) {
        if (holder.pid === process.pid)
            return !held.has(lockPath); // a previous incarnation with our pid
        return !(opts.isAlive ?? pidAlive)(holder.pid);
    }
    // Another host, or a file still being written by its creator: judge by age only.
    const staleMs = holder === null ? 30_000 : (opts.foreignStaleMs ?? 6 * 3600_000);
    try {
        const st = await (0,promises_.stat)(lockPath);
        return Date.now() - st.mtimeMs > staleMs;
    }
    catch {
        return false;
    }
}
/**
 * Removes a stale lock without racing another reclaimer: under a short-lived `.reclaim` lock,
 * re-read the lock and delete it only if it is still the same stale holder. Without this, two
 * waiters could both see the dead pid, and the slower one would delete the faster one's new lock.
 */
async function reclaim(lockPath, stale, host, opts) {
    const guard = `${lockPath}.reclaim`;
    const mine = {
        pid: process.pid,
        host,
        time: new Date().toISOString(),
        token: 'reclaim'
    };
    if (!(await tryCreate(guard, mine))) {
        // Someone else is reclaiming; a guard left by a crashed reclaimer expires quickly.
        try {
            const st = await (0,promises_.stat)(guard);
            if (Date.now() - st.mtimeMs > 30_000)
                await (0,promises_.unlink)(guard);
        }
        catch {
            // gone already
        }
        await (0,external_node_timers_promises_namespaceObject.setTimeout)(10);
        return;
    }
    try {
        const now = await readHolder(lockPath);
        if (now === 'gone')
            return;
        const same = now === null ? stale === null : stale !== null && now.token === stale.token;
        if (same && (await isStale(lockPath, now, host, opts)))
            await (0,promises_.unlink)(lockPath).catch(() => undefined);
    }
    finally {
        await (0,promises_.unlink)(guard).catch(() => undefined);
    }
}
async function release(lockPath, token) {
    const now = await readHolder(lockPath).catch(() => null);
    // Only remove our own lock: if it was reclaimed from us (we looked dead), it is not ours.
    if (now !== null && now !== 'gone' && now.token === token) {
        await (0,promises_.unlink)(lockPath).catch(() => undefined);
    }
}
/** Whether a process with this pid exists on this host (EPERM: it exists, owned by another user). */
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return (0,errno/* errCode */.t)(e) === 'EPERM';
    }
}

// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __nccwpck_require__(4964);
;// CONCATENATED MODULE: ./src/record/path.ts




/**
 * Where the record lives by default on the builder host. The rule:
 *
 *   dir  = $FRESH_BUILD_STATE_DIR
 *        | $XDG_STATE_HOME/fresh-build        (only when absolute, as the XDG spec requires)
 *        | ~/.local/state/fresh-build
 *   file = <slug>-<hash>.json
 *          slug: the context folder name (plus the target), lower-case [a-z0-9._-], for humans
 *          hash: first 16 hex of sha256(abs context \0 abs Dockerfile \0 target)
 *
 * The state must live OUTSIDE the build context: a file written inside it would change the
 * context hash on every run (use stateInsideContext to warn about an override that does). The
 * hash keys the record to one build, so two projects whose folders share a name never share a
 * record (the very mix-up BuildKit's source.local cache makes), and one Dockerfile built for two
 * targets keeps two records. Paths are resolved, not realpath'd: pure, and a symlinked
 * alias gets its own record rather than a wrong one.
 */
function defaultStatePath(opts) {
    const cwd = opts.cwd ?? process.cwd();
    const context = (0,external_node_path_.resolve)(cwd, opts.context);
    const file = (0,external_node_path_.resolve)(cwd, opts.file);
    const target = opts.target ?? '';
    const key = (0,external_node_crypto_.createHash)('sha256')
        .update(`${context}\0${file}\0${target}`)
        .digest('hex')
        .slice(0, 16);
    const readable = [(0,external_node_path_.basename)(context) || 'root', target].filter(Boolean).join('-');
    const slug = readable
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|-+$/g, '')
        .slice(0, 40) || 'context';
    return (0,external_node_path_.join)(stateDir(opts), `${slug}-${key}.json`);
}
/** The directory part of the rule above. */
function stateDir(opts) {
    const { env } = opts;
    if (env.FRESH_BUILD_STATE_DIR)
        return (0,external_node_path_.resolve)(opts.cwd ?? process.cwd(), env.FRESH_BUILD_STATE_DIR);
    if (env.XDG_STATE_HOME && (0,external_node_path_.isAbsolute)(env.XDG_STATE_HOME))
        return (0,external_node_path_.join)(env.XDG_STATE_HOME, 'fresh-build');
    const home = opts.home ?? (env.HOME || (0,external_node_os_.homedir)());
    return (0,external_node_path_.join)(home, '.local', 'state', 'fresh-build');
}
/** True when the state file would sit inside the build context (and so change its hash). */
function stateInsideContext(statePath, context, cwd = process.cwd()) {
    return (0,paths/* strictlyInside */.v)((0,external_node_path_.resolve)(cwd, context), (0,external_node_path_.resolve)(cwd, statePath));
}

;// CONCATENATED MODULE: ./src/model.ts
/**
 * The plain data that flows through the pipeline:
 *   context (scan + hash) -> dockerfile (steps + their sources) -> record (last deploy)
 *   -> docker (prune, build) -> logs (what was cached) -> verdict -> report.
 * Every stage is a function over these shapes; only src/docker, src/record and src/report
 * (and the thin entries) touch the outside world.
 */
/** Labels every guarded image carries, so a deployed image tells what it was built from. */
const model_LABELS = {
    revision: 'org.opencontainers.image.revision',
    created: 'org.opencontainers.image.created',
    contextHash: 'dev.fresh-build.context-hash',
    buildId: 'dev.fresh-build.build-id',
    /** Compact JSON: [[stage, index, sourceHash], ...] for the context steps. */
    steps: 'dev.fresh-build.steps'
};

;// CONCATENATED MODULE: ./src/record/labels.ts

const labels_HASH = /^sha256:[0-9a-f]{64}$/;
/**
 * The labels a guarded image carries (LABELS in model.ts). Labels whose value is unknown (no
 * commit, no build id) are left out rather than set empty, so they never overwrite a real value
 * inherited from a base image with nothing.
 */
function recordLabels(record) {
    const labels = {
        [model_LABELS.created]: record.builtAt,
        [model_LABELS.contextHash]: record.contextHash,
        [model_LABELS.steps]: JSON.stringify(record.steps.map(s => [s.stage, s.index, s.sourceHash]))
    };
    if (record.commit)
        labels[model_LABELS.revision] = record.commit;
    if (record.buildId)
        labels[model_LABELS.buildId] = record.buildId;
    return labels;
}
/** Reads back recordLabels' output from `docker inspect` labels; tolerates missing or garbled ones. */
function recordFromLabels(labels) {
    const l = labels ?? {};
    const problems = [];
    const text = (key) => {
        const v = l[key];
        return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    };
    let contextHash = text(LABELS.contextHash);
    if (contextHash !== null && !labels_HASH.test(contextHash)) {
        problems.push(`label ${LABELS.contextHash} is not sha256:<64 hex>: ${preview(contextHash)}`);
        contextHash = null;
    }
    let builtAt = text(LABELS.created);
    if (builtAt !== null && Number.isNaN(Date.parse(builtAt))) {
        problems.push(`label ${LABELS.created} is not a time: ${preview(builtAt)}`);
        builtAt = null;
    }
    const rawSteps = text(LABELS.steps);
    let steps = null;
    if (rawSteps !== null) {
        steps = parseSteps(rawSteps);
        if (steps === null)
            problems.push(`label ${LABELS.steps} is not [[stage, index, sha256], ...]: ${preview(rawSteps)}`);
    }
    return {
        contextHash,
        steps,
        commit: text(LABELS.revision),
        buildId: text(LABELS.buildId),
        builtAt,
        problems
    };
}
function parseSteps(raw) {
    let v;
    try {
        v = JSON.parse(raw);
    }
    catch {
        return null;
    }
    if (!Array.isArray(v))
        return null;
    const steps = [];
    for (const item of v) {
        if (!Array.isArray(item) || item.length !== 3)
            return null;
        const [stage, index, sourceHash] = item;
        if (typeof stage !== 'string' || typeof sourceHash !== 'string' || !labels_HASH.test(sourceHash))
            return null;
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 1)
            return null;
        steps.push({ stage, index, sourceHash });
    }
    return steps;
}
function preview(s) {
    const flat = JSON.stringify(s);
    return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

// EXTERNAL MODULE: ./src/record/diff.ts
var diff = __nccwpck_require__(8262);
;// CONCATENATED MODULE: ./src/record/index.ts
/** The record of the last build judged good: state file on the builder host, labels on the image. */








/***/ }),

/***/ 4986:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ redactor),
/* harmony export */   BC: () => (/* binding */ shortHash),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   RK: () => (/* binding */ visible),
/* harmony export */   p6: () => (/* binding */ humanBytes),
/* harmony export */   xv: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_0__.xv)
/* harmony export */ });
/* unused harmony export escapeHtml */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9997);
/**
 * Making user-controlled text (file names, instructions, tags, warnings, daemon messages) safe to
 * show. Order matters and every renderer follows it: redact -> make visible -> truncate ->
 * escape. Redacting first means truncation or escaping can never split a secret into a form the
 * redactor no longer recognises.
 */
function redactor(secrets = []) {
    const values = new Set();
    for (const s of secrets) {
        if (s.trim() === '')
            continue;
        values.add(s);
        // A multi-line secret may surface one line at a time (as GitHub masks it too).
        for (const line of s.split(/\r?\n/))
            if (line.trim().length >= 3)
                values.add(line);
    }
    // Longest first, so a secret that contains another is replaced whole.
    const ordered = [...values].sort((a, b) => b.length - a.length);
    if (ordered.length === 0)
        return text => text;
    return text => {
        let out = text;
        for (const v of ordered)
            out = out.split(v).join('***');
        return out;
    };
}
/** C0/C1 controls, DEL, Unicode line separators, and the bidi marks and overrides ("trojan source" reordering). */
function isInvisible(code) {
    return (code <= 0x1f ||
        (code >= 0x7f && code <= 0x9f) ||
        code === 0x061c ||
        code === 0x200e ||
        code === 0x200f ||
        code === 0x2028 ||
        code === 0x2029 ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069));
}
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * Control characters and bidi overrides as visible escapes (`\n`, `\t`, `\x1b`, `\u202e`), so a
 * file name cannot forge extra output lines, drive the terminal, or reorder what a reader sees.
 */
function visible(text) {
    let out = '';
    for (const c of text) {
        const code = c.codePointAt(0) ?? 0;
        if (!isInvisible(code))
            out += c;
        else
            out +=
                NAMED[c] ??
                    (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
    }
    return out;
}
/** Cuts to at most `max` characters (by code point), ending in `…` when cut. */

const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
/**
 * Escapes text for the job summary, which GitHub renders as Markdown with inline HTML. HTML
 * specials become entities; so does every Markdown/GFM syntax character (emphasis, links, code,
 * tables' `|`, headings, `$` math, `@` mentions, `:` of autolinks), because an entity is always literal text in
 * both languages. Newlines never reach here (visible() runs first), so a value cannot end an HTML
 * block and start Markdown.
 */
function escapeHtml(text) {
    return text.replace(/[&<>"'|`*_[\]()#~!\\$@:]/g, c => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}
/** Decimal units as the docker CLI prints them (`Total reclaimed space: 1.2GB`). */
function humanBytes(bytes) {
    if (!Number.isFinite(bytes) || bytes < 0)
        return 'unknown size';
    const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    if (unit === 0)
        return `${Math.round(value)} B`;
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${value.toFixed(digits)} ${units[unit]}`;
}
/** `sha256:` plus the first 12 hex digits, as docker shows image ids. */
function shortHash(hash) {
    if (hash === null)
        return 'none';
    const m = /^(sha256:)?([0-9a-f]{12})[0-9a-f]*$/.exec(hash);
    return m ? `${m[1] ?? ''}${m[2]}` : hash;
}
/** Every string in a JSON-able value, redacted (before stringify: escaping would hide a secret). */
function redactDeep(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map(v => redactDeep(v, redact));
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact)]));
    }
    return value;
}


/***/ }),

/***/ 8196:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ errCode)
/* harmony export */ });
/** The errno-style code of a thrown value (`ENOENT`, `EACCES`...), when it has one. */
function errCode(e) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string')
        return e.code;
    return undefined;
}


/***/ }),

/***/ 7610:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ thrownMessage),
/* harmony export */   n: () => (/* binding */ FreshBuildError)
/* harmony export */ });
/**
 * The project's errors: each is one line a person can act on (paths and values shown escaped,
 * never cut), carries the process exit code, and is recognised by `instanceof`.
 */
class FreshBuildError extends Error {
    /** Every error is exit 2; only a stale verdict is exit 1, and that is not an exception. */
    exitCode = 2;
    constructor(message) {
        super(message);
        // The subclass's own name (UsageError, RecordError...), as stack traces and --debug show it.
        this.name = new.target.name;
    }
}
/**
 * The message of any thrown value, as thrown: an Error's message (duck-typed, so an error from
 * another realm such as a vm context or a worker counts), else the value as a string.
 */
function thrownMessage(e) {
    if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
        return e.message;
    }
    return String(e);
}


/***/ }),

/***/ 4964:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ escapesRoot),
/* harmony export */   v: () => (/* binding */ strictlyInside)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** `abs` lies outside `root` (lexically: `..` first, or another drive). `root` itself is inside. */
function escapesRoot(root, abs) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, abs);
    return rel === '..' || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel);
}
/** `abs` lies below `root`, and is not `root` itself. */
function strictlyInside(root, abs) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, abs) !== '' && !escapesRoot(root, abs);
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h1: () => (/* binding */ MESSAGE_CUT),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export REPORT_CUT */
const REPORT_CUT = { ellipsis: '…', within: true, codePoints: true };
const MESSAGE_CUT = { ellipsis: '...', within: false, codePoints: false };
/** `text` when it fits in `max`, else its first characters and the style's ellipsis. */
function truncate(text, max, style = REPORT_CUT) {
    const chars = style.codePoints ? [...text] : text.split('');
    if (chars.length <= max)
        return text;
    const keep = style.within ? Math.max(0, max - [...style.ellipsis].length) : max;
    return `${chars.slice(0, keep).join('')}${style.ellipsis}`;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: ./src/util/error.ts
var error = __nccwpck_require__(7610);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/docker/exec.ts + 1 modules
var docker_exec = __nccwpck_require__(4177);
;// CONCATENATED MODULE: ./src/docker/units.ts
/**
 * Sizes as the docker CLI prints them. go-units `HumanSize` (used by `builder prune`,
 * `system df`, `history`) is decimal: `%.4g` plus B, kB, MB, GB... with 1000 steps, so
 * "1.982MB" is 1 982 000 bytes (rounded by the printer to 4 significant digits).
 * `BytesSize` (binary: KiB, MiB...) is accepted too.
 */
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
/** Bytes for one printed size (`800B`, `1.5MB`, `307.2kB`, `1KiB`); null when unparsable. */
function parseHumanSize(text) {
    const m = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
    if (!m)
        return null;
    const value = Number(m[1]);
    const unit = m[2] === '' ? 'B' : m[2];
    let i = DECIMAL.indexOf(unit);
    if (i < 0 && unit === 'KB')
        i = 1; // some tools print KB for kB
    if (i >= 0)
        return Math.round(value * 1000 ** i);
    const j = BINARY.indexOf(unit);
    if (j >= 0)
        return Math.round(value * 1024 ** j);
    return null;
}

;// CONCATENATED MODULE: ./src/docker/prune.ts
/**
 * Builder cache pruning: pure argv builders and a thin runner.
 *
 * Measured on the Docker 20.10 daemon (fixtures/logs/prune-filters-docker20.10.txt and the
 * integration tests here):
 * - `--filter type=source.local` removes the context-sync records that serve stale bytes; these
 *   are never shared with images, so `-f` without `-a` reaches them.
 * - The daemon rejects negation (`type!=exec.cachemount` -> "Invalid filter 'type!'") and more
 *   than one value per key (`--filter type=a --filter type=b` -> "filters expect only one
 *   value"). So "everything but cache mounts" is one `-af --filter type=T` command per other
 *   record type; `-a` is needed because regular records shared with images are kept otherwise.
 * - Never `system prune`, `image prune`, `--volumes`: images and volumes are not cache.
 */



/** BuildKit record types other than `exec.cachemount` (RUN --mount=type=cache). */
const NON_CACHEMOUNT_TYPES = [
    'regular',
    'source.local',
    'source.git.checkout',
    'frontend',
    'internal'
];
/** Filter keys the daemon's build-cache prune understands. */
const PRUNE_FILTER_KEYS = [
    'type',
    'id',
    'parent',
    'description',
    'inuse',
    'shared',
    'private',
    'until',
    'unused-for'
];
/** buildx prunes its current builder (maybe a container); the classic client the daemon's. */
function pruneBase(kind) {
    return kind === 'buildx' ? ['buildx', 'prune'] : ['builder', 'prune'];
}
/** Pure: the prune commands a policy runs before a build. Empty for `never` and for legacy. */
function pruneCommands(policy, kind) {
    // The legacy builder sends the whole context every build and keys COPY on content, so it
    // has no source.local records; its layer cache lives in images, which we never remove.
    if (policy === 'never' || kind === 'legacy')
        return [];
    if (policy === 'source')
        return [[...pruneBase(kind), '-f', '--filter', 'type=source.local']];
    return NON_CACHEMOUNT_TYPES.map(t => [...pruneBase(kind), '-af', '--filter', `type=${t}`]);
}
/** Why a policy prunes nothing on this builder, or null when it does prune. */
function pruneNote(policy, kind) {
    if (policy === 'never')
        return 'prune policy is never';
    if (kind !== 'legacy')
        return null;
    return policy === 'source'
        ? 'legacy builder: no context-sync cache to prune (it sends the whole context every build)'
        : 'legacy builder: its cache lives in images, which are never removed; build with --no-cache to rebuild every step';
}
/** With the legacy builder, `all` can only be honoured by building with `--no-cache`. */
function pruneImpliesNoCache(policy, kind) {
    return kind === 'legacy' && policy === 'all';
}
/**
 * Pure: the commands of a cache clear. `all` prunes every record (cache mounts too), otherwise
 * only unused dangling ones; `filters` are `key=value` for the daemon's own filter. A key given
 * more than once becomes one command per value (the 20.10 daemon takes one value per key).
 * Throws on a filter that is not `key=value` with a known key.
 */
function clearCommands(kind, opts = {}) {
    const byKey = new Map();
    for (const f of opts.filters ?? []) {
        const eq = f.indexOf('=');
        const key = eq > 0 ? f.slice(0, eq) : '';
        // A comma would smuggle a second clause into the daemon's filter string.
        const bad = eq === f.length - 1 || f.includes(',');
        if (!PRUNE_FILTER_KEYS.includes(key) || bad) {
            throw new Error(`invalid cache filter "${f}": expected key=value with key one of ${PRUNE_FILTER_KEYS.join(', ')}`);
        }
        const values = byKey.get(key) ?? [];
        if (!values.includes(f))
            values.push(f);
        byKey.set(key, values);
    }
    let combos = [[]];
    for (const values of byKey.values())
        combos = combos.flatMap(c => values.map(v => [...c, v]));
    const flag = opts.all ? '-af' : '-f';
    return combos.map(c => [...pruneBase(kind), flag, ...c.flatMap(f => ['--filter', f])]);
}
/**
 * Bytes a prune output reports as reclaimed, summed over every total it contains
 * (`Total reclaimed space: 1.2kB` from the classic client, `Total: 1.2kB` from buildx).
 * Null when no total is printed.
 */
function parseReclaimed(output) {
    let total = null;
    for (const m of output.matchAll(/^\s*Total(?: reclaimed space)?:\s*(\S+)\s*$/gm)) {
        const bytes = parseHumanSize(m[1]);
        if (bytes !== null)
            total = (total ?? 0) + bytes;
    }
    return total;
}
/** Runs the commands in order; stops at the first failure and says which in `note`. */
async function runPrune(exec, policy, commands) {
    let reclaimedBytes = 0;
    for (const args of commands) {
        const r = await exec(args);
        reclaimedBytes += parseReclaimed(r.stdout) ?? 0;
        if (r.code !== 0)
            return { policy, done: false, reclaimedBytes, note: (0,docker_exec/* commandError */.yE)(args, r).message };
    }
    return { policy, done: true, reclaimedBytes };
}
/** The pre-build prune for a policy. Never throws for a docker failure: the result says it. */
async function prune(exec, policy, kind) {
    const note = pruneNote(policy, kind);
    if (note !== null)
        return { policy, done: false, reclaimedBytes: 0, note };
    try {
        return await runPrune(exec, policy, pruneCommands(policy, kind));
    }
    catch (e) {
        return {
            policy,
            done: false,
            reclaimedBytes: 0,
            note: (0,error/* thrownMessage */.U)(e)
        };
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/util/build-arg.ts
/**
 * Build args as docker accepts them, for every place that reads one (CLI flags, the action's
 * lines, the Dockerfile's ARG): the name rule and the `KEY=VALUE` split.
 */
/** An identifier: letters, digits and `_`, not starting with a digit (no `=`, no whitespace). */
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isBuildArgName(name) {
    return BUILD_ARG_NAME.test(name);
}
/**
 * `KEY=VALUE` split at the first `=`; the value keeps everything after it byte for byte (it goes
 * into an argv slot, never through a shell). `value` is null when there is no `=`, and `name`
 * is then the whole text. The name is not checked here: callers word their own errors.
 */
function splitBuildArg(text) {
    const eq = text.indexOf('=');
    return eq < 0
        ? { name: text, value: null }
        : { name: text.slice(0, eq), value: text.slice(eq + 1) };
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __nccwpck_require__(9997);
;// CONCATENATED MODULE: ./src/pipeline/options.ts



/** A user mistake: one clear line, exit code 2, no stack trace. */
class options_UsageError extends error/* FreshBuildError */.n {
}
const PRUNE_POLICIES = ['source', 'all', 'never'];
const VERIFY_POLICIES = ['changed', 'none'];
function parsePrune(value, where = '--prune') {
    const v = value.trim();
    if (PRUNE_POLICIES.includes(v))
        return v;
    throw new options_UsageError(`${where}: unknown policy "${v}" (expected ${PRUNE_POLICIES.join(', ')})`);
}
function parseVerify(value, where = '--verify') {
    const v = value.trim();
    if (VERIFY_POLICIES.includes(v))
        return v;
    throw new options_UsageError(`${where}: unknown value "${v}" (expected ${VERIFY_POLICIES.join(', ')})`);
}
/**
 * `KEY=VALUE` pairs; the value may contain `=` and anything else, kept byte for byte (it goes into
 * an argv slot, never through a shell). `where(i)` names the offending line or flag.
 */
function parseBuildArgs(items, where) {
    const out = {};
    items.forEach((item, i) => {
        const { name, value } = splitBuildArg(item);
        if (!isBuildArgName(name)) {
            throw new options_UsageError(`${where(i)}: "${truncate(item)}" is not KEY=VALUE with KEY a build-arg name`);
        }
        if (value === null)
            throw new options_UsageError(`${where(i)}: "${name}" has no value (expected ${name}=VALUE)`);
        out[name] = value;
    });
    return out;
}
// Docker's image reference grammar (distribution/reference): [domain[:port]/]path[:tag].
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*)(?::[\\w][\\w.-]{0,127})?$`);
/**
 * A `--tag` as docker accepts it, checked before anything runs: a tag docker would refuse
 * otherwise fails the build only after the prune, half-way through the run.
 */
function parseTag(value, where) {
    const m = REFERENCE.exec(value);
    if (!m || (m[1] ?? '').length > 255) {
        throw new options_UsageError(`${where}: "${truncate(value)}" is not a valid image tag ([registry/]name[:tag], name in lower case)`);
    }
    return value;
}
/** A user's value quoted in an error message: one line, cut after `max` characters. */
function truncate(s, max = 60) {
    return (0,util_text/* truncate */.xv)(s.replace(/[\r\n]+/g, '\\n'), max, util_text/* MESSAGE_CUT */.h1);
}
/** The values of the secret build args: masked everywhere, never recorded or labelled. */
function secretArgValues(opts) {
    return opts.secretArgs.map(n => opts.buildArgs[n] ?? '').filter(v => v !== '');
}

;// CONCATENATED MODULE: ./src/pipeline/request.ts
/** The one way from a request to the guard's options, for the CLI and the action alike. */
function guardOptions(r) {
    return {
        context: r.context,
        file: r.file,
        state: r.state,
        tags: r.tags,
        buildArgs: r.buildArgs,
        secretArgs: r.secretArgs,
        cacheFrom: r.cacheFrom,
        target: r.target,
        prune: r.prune,
        verify: r.verify,
        commit: r.commit,
        buildId: r.buildId ?? null,
        ignoreCorruptRecord: r.ignoreCorruptRecord ?? false,
        logFile: r.logFile,
        image: r.image,
        docker: r.docker,
        ...(r.statCache !== undefined ? { statCache: r.statCache } : {})
    };
}

;// CONCATENATED MODULE: ./src/cli/args.ts






const COMMANDS = ['hash', 'build', 'check', 'parse-log', 'clear'];
const OPTIONS = {
    context: { type: 'string' },
    file: { type: 'string', short: 'f' },
    state: { type: 'string' },
    json: { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    tag: { type: 'string', short: 't', multiple: true },
    'build-arg': { type: 'string', multiple: true },
    'secret-build-arg': { type: 'string', multiple: true },
    'cache-from': { type: 'string', multiple: true },
    target: { type: 'string' },
    prune: { type: 'string' },
    verify: { type: 'string' },
    commit: { type: 'string' },
    'build-id': { type: 'string' },
    'ignore-corrupt-record': { type: 'boolean' },
    log: { type: 'string' },
    image: { type: 'string' },
    all: { type: 'boolean' },
    path: { type: 'string', multiple: true },
    filter: { type: 'string', multiple: true },
    'compose-file': { type: 'string' },
    service: { type: 'string', multiple: true },
    docker: { type: 'string' },
    'no-stat-cache': { type: 'boolean' }
};
/** Which options each command accepts; anything else is a usage error, not silently ignored. */
/** What build and check share: both hash, compare with the record, judge and record. */
const JUDGING = [
    'context',
    'file',
    'state',
    'build-arg',
    'secret-build-arg',
    'cache-from',
    'target',
    'verify',
    'commit',
    'build-id',
    'ignore-corrupt-record',
    'compose-file',
    'service',
    'docker',
    'no-stat-cache'
];
const ALLOWED = {
    hash: ['context', 'file', 'build-arg'],
    build: [...JUDGING, 'tag', 'prune'],
    check: [...JUDGING, 'log', 'image'],
    'parse-log': [],
    clear: ['context', 'file', 'state', 'all', 'path', 'filter', 'docker']
};
/**
 * node's parseArgs errors as one line naming the option: its own messages span lines, suggest
 * `--` quoting, and print the option's usage form.
 */
function argvError(e) {
    const message = (0,error/* thrownMessage */.U)(e);
    const code = e?.code;
    const option = /'(-[^',\s]*)'/.exec(message)?.[1] ?? /--[\w-]+/.exec(message)?.[0];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
        return new options_UsageError(`unknown option "${truncate(option)}" (see fresh-build --help)`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        const long = /--[\w-]+/.exec(message)?.[0] ?? option ?? 'an option';
        if (/does not take an argument/.test(message))
            return new options_UsageError(`option ${long} takes no value`);
        return new options_UsageError(`option ${long} needs a value (for a value starting with "-", write ${long}=VALUE)`);
    }
    return new options_UsageError(truncate(message.split('\n')[0] ?? message, 200));
}
/** Parses `fresh-build <command> [options]`; throws UsageError naming the offending word. */
function parseCli(argv, cwd, env) {
    let values;
    let positionals;
    try {
        const r = (0,external_node_util_.parseArgs)({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
        values = r.values;
        positionals = r.positionals;
    }
    catch (e) {
        throw argvError(e);
    }
    const json = values.json === true;
    const debug = values.debug === true;
    if (values.version)
        return { command: 'version', json, debug };
    const [word, ...rest] = positionals;
    if (values.help || word === undefined || word === 'help')
        return { command: 'help', json, debug };
    if (!COMMANDS.includes(word)) {
        throw new options_UsageError(`unknown command "${truncate(word)}" (expected ${COMMANDS.join(', ')})`);
    }
    const command = word;
    for (const name of Object.keys(values)) {
        if (['json', 'debug', 'help', 'version'].includes(name))
            continue;
        if (!ALLOWED[command].includes(name)) {
            throw new options_UsageError(`option --${name} does not apply to "${command}"`);
        }
    }
    const str = (n) => values[n];
    const list = (n) => values[n] ?? [];
    const abs = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p));
    const context = abs(str('context') ?? '.');
    const file = str('file') !== undefined ? abs(str('file')) : (0,external_node_path_.resolve)(context, 'Dockerfile');
    const buildArgs = parseBuildArgs(list('build-arg'), i => `--build-arg #${i + 1}`);
    const docker = str('docker') ?? env.DOCKER_PATH ?? 'docker';
    if (command === 'parse-log') {
        if (rest.length !== 1)
            throw new options_UsageError('parse-log takes exactly one FILE');
        return { command, logFile: abs(rest[0]), json, debug };
    }
    if (rest.length > 0)
        throw new options_UsageError(`unexpected argument "${truncate(rest[0] ?? '')}"`);
    if (command === 'hash')
        return { command, context, file, buildArgs, json, debug };
    if (command === 'clear') {
        // Filters are checked before anything runs, not after the daemon was asked for its version.
        try {
            clearCommands('buildkit', { filters: list('filter') });
        }
        catch (e) {
            throw new options_UsageError(`--filter: ${(0,error/* thrownMessage */.U)(e)}`);
        }
        return {
            command,
            clear: {
                context,
                file,
                state: str('state') !== undefined ? abs(str('state')) : null,
                all: values.all === true,
                paths: list('path'),
                filters: list('filter'),
                docker
            },
            json,
            debug
        };
    }
    if (command === 'check' && str('log') === undefined) {
        throw new options_UsageError('check needs --log FILE (the build log to judge)');
    }
    const composeFile = str('compose-file');
    // Per-service values come from the compose file; a flag that would be ignored is an error.
    if (composeFile !== undefined) {
        for (const n of ['tag', 'image', 'context', 'file']) {
            if (values[n] !== undefined) {
                throw new options_UsageError(`--${n} does not apply with --compose-file (each service has its own)`);
            }
        }
    }
    else if (list('service').length > 0) {
        throw new options_UsageError('--service needs --compose-file');
    }
    const secretArgs = list('secret-build-arg');
    for (const name of secretArgs) {
        // A secret name without a value would mask nothing and pass nothing: a typo, not a choice.
        // (With compose, the value may come from the service's own build args.)
        if (composeFile === undefined && !(name in buildArgs)) {
            throw new options_UsageError(`--secret-build-arg "${truncate(name)}" names no --build-arg (pass --build-arg ${truncate(name)}=VALUE too)`);
        }
    }
    const tags = list('tag');
    tags.forEach((t, i) => parseTag(t, `--tag #${i + 1}`));
    const guard = guardOptions({
        context,
        file,
        state: str('state') !== undefined ? abs(str('state')) : null,
        tags,
        buildArgs,
        secretArgs,
        cacheFrom: list('cache-from'),
        target: str('target') ?? null,
        prune: parsePrune(str('prune') ?? 'source'),
        verify: parseVerify(str('verify') ?? 'changed'),
        commit: str('commit') ?? null,
        buildId: str('build-id') ?? null,
        ignoreCorruptRecord: values['ignore-corrupt-record'] === true,
        logFile: str('log') !== undefined ? abs(str('log')) : null,
        image: str('image') ?? null,
        docker,
        statCache: values['no-stat-cache'] !== true
    });
    const compose = composeFile ? { file: abs(composeFile), services: list('service') } : null;
    return { command, guard, compose, json, debug };
}
const USAGE = `fresh-build: prove a Docker build runs the code just committed

Usage: fresh-build <command> [options]

Commands:
  hash              hash the build context and each COPY/ADD step's sources (no daemon)
  build             hash, compare with the record, prune, build, judge, record
  check --log FILE  judge a build whose log another tool produced
  parse-log FILE    parse a build log into steps (no daemon)
  clear             clear the builder cache and host cache paths, reset the record

Common options:
  --context DIR          build context (default .)
  -f, --file PATH        Dockerfile (default DIR/Dockerfile)
  --state PATH           record of the last good build (default: per host, outside the context)
  --json                 one JSON document on stdout; human output on stderr
  --debug                stack traces on errors

build / check:
  -t, --tag T            image tag (repeatable)
  --build-arg K=V        build argument (repeatable); GIT_COMMIT_HASH and BUILD_ID are injected
  --secret-build-arg K   a build arg whose value is secret: masked, never recorded or labelled
  --cache-from REF       external cache source (repeatable)
  --target STAGE         build stage to target
  --prune P              source (default) | all | never
  --verify V             changed (default) | none
  --commit SHA           commit to inject and record (default: git rev-parse HEAD)
  --build-id ID          build id to inject (default: CI run id or a timestamp)
  --compose-file F       guard the services of a docker compose file
  --service S            with --compose-file: a service to guard (repeatable)
  --ignore-corrupt-record  treat an unreadable record as no record
  --docker PATH          docker client (default: $DOCKER_PATH, or docker on PATH)
  --no-stat-cache        read every file (default: reuse digests of files whose stat is unchanged)
  --log FILE, --image REF  (check) the log to judge and the image it built

clear:
  --all                  prune every builder record, cache mounts too
  --path P               host cache path inside the context to delete (repeatable)
  --filter F             builder prune filter, e.g. until=24h (repeatable)

Exit codes: 0 pass, 1 stale, 2 error.
`;

// EXTERNAL MODULE: ./src/report/text-safety.ts
var text_safety = __nccwpck_require__(4986);
;// CONCATENATED MODULE: ./src/pipeline/errors.ts



/**
 * One clear line for any thrown value: an Error's first message line, or the value itself (a
 * thrown string must not leave a step green or print `[object Object]`). Control characters
 * left in it (a file name's ESC or CR) are shown as escapes, so the line cannot drive a
 * terminal or forge another line.
 */
function errorMessage(e) {
    return (0,text_safety/* visible */.RK)(rawMessage(e).trim());
}
/** An Error, also one from another realm (a vm context, a worker), which fails `instanceof`. */
function errorLike(e) {
    if (e instanceof Error)
        return e;
    if (typeof e !== 'object' || e === null)
        return null;
    const { name, message } = e;
    return typeof message === 'string'
        ? { name: typeof name === 'string' ? name : 'Error', message }
        : null;
}
function rawMessage(thrown) {
    // This project's errors are one line by contract, built from user-given names (paths,
    // values): a newline in a path is data to show escaped, not the end of the message.
    if (thrown instanceof error/* FreshBuildError */.n)
        return thrown.message.replace(/^\s*\n+|\n+\s*$/g, '');
    // Anything else (node, js-yaml with its code frame) is cut to its first line.
    const e = errorLike(thrown);
    if (e)
        return e.message.split('\n').find(l => l.trim() !== '') ?? e.name;
    if (typeof thrown === 'string')
        return thrown.split('\n').find(l => l.trim() !== '') ?? thrown;
    try {
        return JSON.stringify(thrown) ?? String(thrown);
    }
    catch {
        return String(thrown);
    }
}
/** The exit code for a thrown value: the error's own, else 2 (a failure we did not foresee). */
function exitCodeFor(e) {
    return e instanceof error/* FreshBuildError */.n ? e.exitCode : 2;
}


// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./src/util/errno.ts
var errno = __nccwpck_require__(8196);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/context/digest.ts
/**
 * Content digests for context entries: sha256 of file bytes (fixed buffers, never the whole
 * file in memory) and sha256 of symlink targets, run through a bounded pool.
 *
 * Digests depend on bytes only, never on mtime or owner, so the same tree hashes the same on any
 * machine. `FileDigester` is the seam for the stat cache (statcache.ts): a caching digester keys
 * on the `FileStat` fields and falls back to `StreamDigester` on a miss.
 */




/** Files up to this size are read in one synchronous pass; larger ones stream asynchronously. */
const SMALL_FILE = 256 * 1024;
const BUFFER_SIZE = 512 * 1024;
// O_NONBLOCK: a file swapped for a FIFO after the walk must not hang the open (no-op for files).
const READ_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
const openFd = (0,external_node_util_.promisify)(external_node_fs_namespaceObject.open);
const readFd = (0,external_node_util_.promisify)(external_node_fs_namespaceObject.read);
const closeFd = (0,external_node_util_.promisify)(external_node_fs_namespaceObject.close);
/**
 * Reads and hashes file bytes. Measured on a 20k-file tree (see docs/benchmarks.md): a libuv
 * round trip costs ~20us of main-thread time per call, more than reading a small cached file, so
 * small files are read synchronously (open, read, close: three plain syscalls). Large files are
 * read asynchronously with one read in flight while the previous chunk is hashed, so disk and
 * hash overlap. Only the stat's size picks the path: the bytes are read to EOF either way.
 */
class StreamDigester {
    bufferSize;
    free = [];
    small;
    constructor(bufferSize = BUFFER_SIZE) {
        this.bufferSize = bufferSize;
        this.small = Buffer.allocUnsafe(Math.min(bufferSize, SMALL_FILE));
    }
    async digestFile(absPath, stat) {
        return stat.size <= this.small.length
            ? this.digestSync(absPath)
            : await this.digestStream(absPath);
    }
    digestSync(absPath) {
        const fd = (0,external_node_fs_namespaceObject.openSync)(absPath, READ_FLAGS);
        const h = (0,external_node_crypto_.createHash)('sha256');
        try {
            for (;;) {
                const n = (0,external_node_fs_namespaceObject.readSync)(fd, this.small, 0, this.small.length, null);
                if (n === 0)
                    break;
                h.update(this.small.subarray(0, n));
            }
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
        return `sha256:${h.digest('hex')}`;
    }
    async digestStream(absPath) {
        const fd = await openFd(absPath, READ_FLAGS);
        let cur = this.take();
        let next = this.take();
        const h = (0,external_node_crypto_.createHash)('sha256');
        try {
            let n = (await readFd(fd, cur, 0, cur.length, null)).bytesRead;
            while (n > 0) {
                // Sequential reads (position null) are safe: only one read is ever in flight per fd.
                const pending = readFd(fd, next, 0, next.length, null);
                h.update(cur.subarray(0, n));
                n = (await pending).bytesRead;
                [cur, next] = [next, cur];
            }
        }
        finally {
            this.free.push(cur, next);
            await closeFd(fd);
        }
        return `sha256:${h.digest('hex')}`;
    }
    take() {
        return this.free.pop() ?? Buffer.allocUnsafe(this.bufferSize);
    }
}
/** sha256 of a string (a symlink target) or of nothing (special files that land empty). */
function digestString(s) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(s).digest('hex')}`;
}
/** Twice the cores, at least 4 and at most 16: enough to keep the disk busy, few open fds. */
function defaultConcurrency() {
    return Math.min(16, Math.max(4, 2 * (0,external_node_os_.availableParallelism)()));
}
/** A limiter: at most `limit` of the wrapped calls run at once. */
function createLimiter(limit) {
    const max = Math.max(1, Math.floor(limit));
    let active = 0;
    // A FIFO with a moving head: Array.shift is O(n), and a wide tree queues thousands of waiters.
    let waiting = [];
    let head = 0;
    return async (fn) => {
        // A finished call hands its slot straight to the next waiter, so the count never overshoots.
        if (active >= max)
            await new Promise(resolve => waiting.push(resolve));
        else
            active++;
        try {
            return await fn();
        }
        finally {
            if (head < waiting.length) {
                const next = waiting[head++];
                if (head === waiting.length) {
                    waiting = [];
                    head = 0;
                }
                next();
            }
            else
                active--;
        }
    };
}
/** Maps `items` through `fn` with at most `limit` calls in flight; results keep input order. */
async function mapPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/context/nfa.ts
/**
 * A regular-expression matcher that runs in time linear in the input (times the pattern size):
 * a Thompson NFA simulated with a set of states, as Go's RE2 engine does. JavaScript's RegExp
 * backtracks: the optional any-directories groups that `**` patterns become, or runs of
 * `[^/]*`, take exponential time there against a deep or repetitive path.
 *
 * Only what `test` needs: no captures, and greedy and lazy repetition match the same strings.
 * Pure: no I/O.
 */
/** ASCII word characters, which both Go's and JS's (non-`i`) `\b` use. */
function isWord(code) {
    return ((code >= 0x30 && code <= 0x39) ||
        (code >= 0x41 && code <= 0x5a) ||
        (code >= 0x61 && code <= 0x7a) ||
        code === 0x5f);
}
function classTest(c) {
    const { ranges, negated } = c;
    const props = c.props.length === 0 ? null : new RegExp(`^[${c.props.join('')}]$`, 'u');
    if (props === null && ranges.length === 1 && ranges[0][0] === ranges[0][1]) {
        const only = ranges[0][0];
        return negated ? cp => cp !== only : cp => cp === only;
    }
    return cp => {
        let hit = false;
        for (const [lo, hi] of ranges) {
            if (cp >= lo && cp <= hi) {
                hit = true;
                break;
            }
        }
        if (!hit && props !== null)
            hit = props.test(String.fromCodePoint(cp));
        return hit !== negated;
    };
}
/** A compiled regexp; `test` is an unanchored search, as RegExp.prototype.test is. */
class Nfa {
    insts = [];
    start;
    // Reused between calls: the state lists and the per-step "already added" marks.
    cur;
    nxt;
    /** The states a step entered, before their closure: what a prefix ending there re-closes. */
    seeds;
    spare;
    mark;
    gen = 0;
    stack;
    /** Set by `close` when it reaches the match state. */
    matched = false;
    constructor(root) {
        const matchAt = this.emit({ op: 'match' });
        this.start = this.compile(root, matchAt);
        const n = this.insts.length;
        this.cur = new Int32Array(n);
        this.nxt = new Int32Array(n);
        this.seeds = new Int32Array(n);
        this.spare = new Int32Array(n);
        this.mark = new Int32Array(n);
        // Each state is pushed at most once per closure, but a split pushes two before marking.
        this.stack = new Int32Array(2 * n + 2);
    }
    emit(inst) {
        this.insts.push(inst);
        return this.insts.length - 1;
    }
    /** Thompson construction, back to front: the states for `node`, continuing at `next`. */
    compile(node, next) {
        switch (node.kind) {
            case 'class':
                return this.emit({ op: 'char', test: classTest(node), next });
            case 'assert':
                return this.emit({ op: 'assert', at: node.at, next });
            case 'concat': {
                let at = next;
                for (let k = node.items.length - 1; k >= 0; k--)
                    at = this.compile(node.items[k], at);
                return at;
            }
            case 'alt': {
                let at = this.compile(node.alts[node.alts.length - 1], next);
                for (let k = node.alts.length - 2; k >= 0; k--) {
                    const first = this.compile(node.alts[k], next);
                    at = this.emit({ op: 'split', next: first, alt: at });
                }
                return at;
            }
            case 'repeat': {
                if (node.op === '?') {
                    const body = this.compile(node.sub, next);
                    return this.emit({ op: 'split', next: body, alt: next });
                }
                // The loop's split is emitted first so the body can jump back to it.
                const loop = this.emit({ op: 'split', next: -1, alt: next });
                const body = this.compile(node.sub, loop);
                this.insts[loop].next = body;
                return node.op === '*' ? loop : body;
            }
        }
    }
    /**
     * Adds `from` and every state reachable from it without reading a character to `list`
     * (length `len`), judging assertions between the code units `before` and `after` (-1 at the
     * ends). Returns the new length; sets `matched` if the match state was reached.
     */
    close(from, list, len, before, after) {
        const { insts, mark, stack, gen } = this;
        let top = 0;
        stack[top++] = from;
        while (top > 0) {
            const s = stack[--top];
            if (mark[s] === gen)
                continue;
            mark[s] = gen;
            const inst = insts[s];
            switch (inst.op) {
                case 'char':
                    list[len++] = s;
                    break;
                case 'match':
                    this.matched = true;
                    break;
                case 'split':
                    // Order is irrelevant without captures; both branches are explored.
                    stack[top++] = inst.alt;
                    stack[top++] = inst.next;
                    break;
                case 'assert': {
                    let ok;
                    if (inst.at === 'begin')
                        ok = before === -1;
                    else if (inst.at === 'end')
                        ok = after === -1;
                    else {
                        const boundary = isWord(before) !== isWord(after);
                        ok = inst.at === 'wordBoundary' ? boundary : !boundary;
                    }
                    if (ok)
                        stack[top++] = inst.next;
                    break;
                }
            }
        }
        return len;
    }
    /** Whether the expression matches somewhere in `input` (code points, as the `u` flag reads it). */
    test(input) {
        return this.testPrefixes(input, []);
    }
    /**
     * Whether the expression matches `input` or one of its prefixes `input.slice(0, c)` for the
     * ascending code-point boundaries `cuts`, in one pass: patternmatcher tries a path's parent
     * directories too, and running each of them separately would be quadratic in the depth.
     * A prefix sees the same states as the whole input up to its end; only the assertions judged
     * there differ (its end is the end of text), so the states entering a cut are closed once more.
     */
    testPrefixes(input, cuts) {
        const { insts, seeds } = this;
        let cur = this.cur;
        let nxt = this.nxt;
        let curLen = 0;
        let seedLen = 0;
        let ci = 0;
        let pos = 0;
        this.matched = false;
        for (;;) {
            const before = pos === 0 ? -1 : input.charCodeAt(pos - 1);
            while (ci < cuts.length && cuts[ci] < pos)
                ci++;
            if (ci < cuts.length && cuts[ci] === pos) {
                this.gen++;
                let len = this.close(this.start, this.spare, 0, before, -1);
                for (let k = 0; k < seedLen; k++)
                    len = this.close(seeds[k], this.spare, len, before, -1);
                if (this.matched)
                    return true;
            }
            const cp = pos < input.length ? input.codePointAt(pos) : -1;
            // A match may start at any position: the start state joins the states already running.
            this.gen++;
            for (let k = 0; k < curLen; k++)
                this.mark[cur[k]] = this.gen;
            curLen = this.close(this.start, cur, curLen, before, cp);
            if (this.matched)
                return true;
            if (cp === -1)
                return false;
            const width = cp > 0xffff ? 2 : 1;
            const afterPos = pos + width;
            const after = afterPos < input.length ? input.charCodeAt(afterPos) : -1;
            this.gen++;
            let nxtLen = 0;
            seedLen = 0;
            for (let k = 0; k < curLen; k++) {
                const inst = insts[cur[k]];
                if (inst.op !== 'char' || !inst.test(cp))
                    continue;
                seeds[seedLen++] = inst.next;
                nxtLen = this.close(inst.next, nxt, nxtLen, cp, after);
                if (this.matched)
                    return true;
            }
            ;
            [cur, nxt] = [nxt, cur];
            curLen = nxtLen;
            pos = afterPos;
        }
    }
}

;// CONCATENATED MODULE: ./src/context/goregexp.ts
/**
 * Compiles the Go (RE2) regular expressions that moby/patternmatcher builds from .dockerignore
 * patterns into matchers with the same meaning and Go's linear running time.
 *
 * Why a parser and not a pass-through: patternmatcher copies `[`, `]`, `^` and `\x` escapes
 * from the pattern into the regexp unchanged, so Go's syntax decides what they mean (`[!a]` is a
 * class of `!` and `a`, `\d` is a digit class, `[[:alpha:]]` a POSIX class, a lone `]` a literal,
 * `[z-a]` an error). JavaScript reads several of these differently, so the Go syntax is parsed
 * here (the subset regexp.Compile accepts with its Perl flags). And why not a JS RegExp: it
 * backtracks, and `**` / `*` patterns explode on deep or repetitive paths; the parsed expression
 * runs as an NFA instead (./nfa.ts). Pure: no I/O.
 */

/** A Go regexp the parser (like Go's regexp.Compile) rejects. */
class GoRegexpError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GoRegexpError';
    }
}
const MAX_RUNE = 0x10ffff;
// ASCII tables as Go's regexp/syntax defines them (perl_groups.go).
const PERL = {
    d: [[0x30, 0x39]],
    s: [
        [0x09, 0x0a],
        [0x0c, 0x0d],
        [0x20, 0x20]
    ],
    w: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x5f, 0x5f],
        [0x61, 0x7a]
    ]
};
const POSIX = {
    alnum: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x61, 0x7a]
    ],
    alpha: [
        [0x41, 0x5a],
        [0x61, 0x7a]
    ],
    ascii: [[0x00, 0x7f]],
    blank: [
        [0x09, 0x09],
        [0x20, 0x20]
    ],
    cntrl: [
        [0x00, 0x1f],
        [0x7f, 0x7f]
    ],
    digit: [[0x30, 0x39]],
    graph: [[0x21, 0x7e]],
    lower: [[0x61, 0x7a]],
    print: [[0x20, 0x7e]],
    punct: [
        [0x21, 0x2f],
        [0x3a, 0x40],
        [0x5b, 0x60],
        [0x7b, 0x7e]
    ],
    space: [
        [0x09, 0x0d],
        [0x20, 0x20]
    ],
    upper: [[0x41, 0x5a]],
    word: PERL.w,
    xdigit: [
        [0x30, 0x39],
        [0x41, 0x46],
        [0x61, 0x66]
    ]
};
const GENERAL_CATEGORIES = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));
function negate(ranges) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    const out = [];
    let next = 0;
    for (const [lo, hi] of sorted) {
        if (lo > next)
            out.push([next, lo - 1]);
        next = Math.max(next, hi + 1);
    }
    if (next <= MAX_RUNE)
        out.push([next, MAX_RUNE]);
    return out;
}
function charClass(ranges, negated = false, props = []) {
    return { kind: 'class', ranges, props, negated };
}
const literal = (cp) => charClass([[cp, cp]]);
const assertion = (at) => ({ kind: 'assert', at });
/**
 * A Go Unicode class name as class members: `Any` as a range, general categories and scripts as
 * JS property escapes (`\p{Lu}`, `\P{Script=Greek}`).
 */
function unicodeClass(name, negated) {
    if (name === 'Any')
        return { ranges: negated ? [] : [[0, MAX_RUNE]], props: [] };
    const prop = GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
    const out = `\\${negated ? 'P' : 'p'}{${prop}}`;
    try {
        new RegExp(out, 'u');
    }
    catch {
        throw new GoRegexpError(`invalid character class range: \\p{${name}}`);
    }
    return { ranges: [], props: [out] };
}
class Parser {
    i = 0;
    s;
    constructor(src) {
        this.s = Array.from(src, c => c.codePointAt(0) ?? 0);
    }
    peek(k = 0) {
        return this.s[this.i + k];
    }
    is(ch, k = 0) {
        return this.peek(k) === ch.codePointAt(0);
    }
    parse() {
        const out = this.sequence(0);
        if (this.i < this.s.length)
            throw new GoRegexpError('unexpected )');
        return out;
    }
    /** A concatenation (with alternation) up to `)` or the end. */
    sequence(depth) {
        const alts = [[]];
        let items = alts[0];
        let lastAtom = false;
        const done = () => alts.length === 1 ? concat(items) : { kind: 'alt', alts: alts.map(concat) };
        while (this.i < this.s.length) {
            const c = this.peek();
            const ch = String.fromCodePoint(c);
            if (ch === ')') {
                if (depth === 0)
                    throw new GoRegexpError('unexpected )');
                return done();
            }
            if (ch === '*' || ch === '+' || ch === '?') {
                if (!lastAtom)
                    throw new GoRegexpError(`missing argument to repetition operator: ${ch}`);
                this.i++;
                // Lazy `*?` matches the same strings as `*`; only `test` is asked.
                if (this.is('?'))
                    this.i++;
                if (this.is('*') || this.is('+') || this.is('?')) {
                    throw new GoRegexpError('invalid nested repetition operator');
                }
                items.push({ kind: 'repeat', op: ch, sub: items.pop() });
                lastAtom = false;
                continue;
            }
            if (ch === '|') {
                this.i++;
                items = [];
                alts.push(items);
                lastAtom = false;
                continue;
            }
            const atom = this.atom();
            items.push(atom.node);
            lastAtom = atom.quantifiable;
        }
        if (depth > 0)
            throw new GoRegexpError('missing closing )');
        return done();
    }
    atom() {
        const c = this.peek();
        const ch = String.fromCodePoint(c);
        switch (ch) {
            case '^':
                this.i++;
                return { node: assertion('begin'), quantifiable: false };
            case '$':
                this.i++;
                return { node: assertion('end'), quantifiable: false };
            case '.':
                // Go's `.` (no s flag) is any character but newline.
                this.i++;
                return { node: charClass([[0x0a, 0x0a]], true), quantifiable: true };
            case '(': {
                this.i++;
                if (this.is('?'))
                    throw new GoRegexpError('unsupported group flags');
                const inner = this.sequence(1);
                this.i++; // the `)`
                return { node: inner, quantifiable: true };
            }
            case '[':
                return { node: this.charClass(), quantifiable: true };
            case '\\':
                return this.escapeAtom();
            default:
                // Includes `{`: Go reads one that does not start a valid repeat as a literal, and
                // patternmatcher escapes it anyway.
                this.i++;
                return { node: literal(c), quantifiable: true };
        }
    }
    escapeAtom() {
        const next = this.peek(1);
        if (next === undefined)
            throw new GoRegexpError('trailing backslash at end of expression');
        const n = String.fromCodePoint(next);
        switch (n) {
            case 'A':
                this.i += 2;
                return { node: assertion('begin'), quantifiable: false };
            case 'z':
                this.i += 2;
                return { node: assertion('end'), quantifiable: false };
            case 'b':
                this.i += 2;
                return { node: assertion('wordBoundary'), quantifiable: false };
            case 'B':
                this.i += 2;
                return { node: assertion('notWordBoundary'), quantifiable: false };
            case 'Q': {
                this.i += 2;
                const items = [];
                while (this.i < this.s.length) {
                    if (this.is('\\') && this.is('E', 1)) {
                        this.i += 2;
                        break;
                    }
                    items.push(literal(this.peek()));
                    this.i++;
                }
                // A quantifier after `\Q..\E` applies to the whole quoted text, as before the NFA
                // (Go would apply it to the last character; patternmatcher never writes one there).
                return { node: concat(items), quantifiable: items.length > 0 };
            }
            case 'p':
            case 'P': {
                const { ranges, props } = this.unicodeEscape();
                return { node: charClass(ranges, false, props), quantifiable: true };
            }
            case 'd':
            case 's':
            case 'w':
                this.i += 2;
                return { node: charClass(PERL[n]), quantifiable: true };
            case 'D':
            case 'S':
            case 'W':
                this.i += 2;
                return { node: charClass(PERL[n.toLowerCase()], true), quantifiable: true };
            default:
                return { node: literal(this.escapedChar()), quantifiable: true };
        }
    }
    unicodeEscape() {
        const negatedEsc = this.is('P', 1);
        this.i += 2;
        let name;
        if (this.is('{')) {
            const close = this.s.indexOf(0x7d, this.i);
            if (close < 0)
                throw new GoRegexpError('invalid character class range');
            name = String.fromCodePoint(...this.s.slice(this.i + 1, close));
            this.i = close + 1;
        }
        else {
            const c = this.peek();
            if (c === undefined)
                throw new GoRegexpError('invalid character class range');
            name = String.fromCodePoint(c);
            this.i++;
        }
        let negated = negatedEsc;
        if (name.startsWith('^')) {
            negated = !negated;
            name = name.slice(1);
        }
        return unicodeClass(name, negated);
    }
    /** Go's parseEscape: one character from `\x`-style escapes; `this.i` is at the backslash. */
    escapedChar() {
        this.i++;
        const c = this.peek();
        if (c === undefined)
            throw new GoRegexpError('trailing backslash at end of expression');
        this.i++;
        const ch = String.fromCodePoint(c);
        const isOct = (x) => x !== undefined && x >= 0x30 && x <= 0x37;
        if (c < 0x80 && !/[A-Za-z0-9]/.test(ch))
            return c;
        if (ch >= '1' && ch <= '7' && !isOct(this.peek())) {
            throw new GoRegexpError(`invalid escape sequence: \\${ch}`);
        }
        if (ch >= '0' && ch <= '7') {
            let r = c - 0x30;
            for (let k = 1; k < 3 && isOct(this.peek()); k++) {
                r = r * 8 + (this.peek() - 0x30);
                this.i++;
            }
            return r;
        }
        if (ch === 'x')
            return this.hexEscape();
        const cEsc = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
        if (ch in cEsc)
            return cEsc[ch];
        throw new GoRegexpError(`invalid escape sequence: \\${ch}`);
    }
    hexEscape() {
        const hex = (x) => x !== undefined && /^[0-9A-Fa-f]$/.test(String.fromCodePoint(x));
        if (this.is('{')) {
            this.i++;
            let digits = '';
            while (hex(this.peek())) {
                digits += String.fromCodePoint(this.peek());
                this.i++;
            }
            if (!this.is('}') || digits === '' || parseInt(digits, 16) > MAX_RUNE) {
                throw new GoRegexpError('invalid escape sequence: \\x{');
            }
            this.i++;
            return parseInt(digits, 16);
        }
        if (!hex(this.peek()) || !hex(this.peek(1)))
            throw new GoRegexpError('invalid escape sequence: \\x');
        const v = parseInt(String.fromCodePoint(this.peek(), this.peek(1)), 16);
        this.i += 2;
        return v;
    }
    /** Go's parseClass, as explicit ranges plus Unicode property escapes. */
    charClass() {
        this.i++; // [
        let negated = false;
        if (this.is('^')) {
            negated = true;
            this.i++;
        }
        const ranges = [];
        const props = [];
        let first = true;
        while (first || !this.is(']')) {
            if (this.i >= this.s.length)
                throw new GoRegexpError('missing closing ]');
            first = false;
            // POSIX [:name:]: Go looks for the closing `:]` anywhere in the rest of the expression.
            if (this.is('[') && this.is(':', 1)) {
                const rest = this.s.slice(this.i + 2);
                let end = -1;
                for (let k = 0; k + 1 < rest.length; k++) {
                    if (rest[k] === 0x3a && rest[k + 1] === 0x5d) {
                        end = k;
                        break;
                    }
                }
                if (end >= 0) {
                    let name = String.fromCodePoint(...rest.slice(0, end));
                    let neg = false;
                    if (name.startsWith('^')) {
                        neg = true;
                        name = name.slice(1);
                    }
                    const group = Object.hasOwn(POSIX, name) ? POSIX[name] : undefined;
                    if (!group)
                        throw new GoRegexpError(`invalid character class range: [:${name}:]`);
                    ranges.push(...(neg ? negate(group) : group));
                    this.i += 2 + end + 2;
                    continue;
                }
            }
            if (this.is('\\') && (this.is('p', 1) || this.is('P', 1))) {
                const u = this.unicodeEscape();
                ranges.push(...u.ranges);
                props.push(...u.props);
                continue;
            }
            if (this.is('\\')) {
                const n = this.peek(1);
                const nc = n === undefined ? '' : String.fromCodePoint(n);
                if ('dswDSW'.includes(nc) && nc !== '') {
                    const g = PERL[nc.toLowerCase()];
                    ranges.push(...(nc === nc.toUpperCase() ? negate(g) : g));
                    this.i += 2;
                    continue;
                }
            }
            const lo = this.classChar();
            let hi = lo;
            if (this.is('-') && this.peek(1) !== undefined && !this.is(']', 1)) {
                this.i++;
                hi = this.classChar();
                if (hi < lo)
                    throw new GoRegexpError('invalid character class range');
            }
            ranges.push([lo, hi]);
        }
        this.i++; // ]
        return charClass(ranges, negated, props);
    }
    classChar() {
        const c = this.peek();
        if (c === undefined)
            throw new GoRegexpError('missing closing ]');
        if (c === 0x5c)
            return this.escapedChar();
        this.i++;
        return c;
    }
}
function concat(items) {
    return items.length === 1 ? items[0] : { kind: 'concat', items };
}
/** Parses a Go regexp (as patternmatcher writes it); throws GoRegexpError where Go would. */
function parseGoRegexp(source) {
    return new Parser(source).parse();
}
/** A Go regexp as a matcher whose `test` (an unanchored search) is linear in the input. */
function compileGoRegexp(source) {
    return new Nfa(parseGoRegexp(source));
}

;// CONCATENATED MODULE: ./src/context/ignore.ts
/**
 * .dockerignore with the semantics of current Docker: moby/patternmatcher (pattern compilation
 * and matching) and its ignorefile.ReadAll (file parsing), as BuildKit's fsutil walker uses them.
 * Not the 20.10 `fileutils` rules, which differ (see __tests__/fixtures/conformance).
 * Pure: no I/O.
 */


/** A malformed .dockerignore pattern; `file` and `line` say where it was written. */
class IgnoreSyntaxError extends error/* FreshBuildError */.n {
    file;
    line;
    pattern;
    constructor(message, file, line, pattern) {
        super(`${file ?? '.dockerignore'}${line === null ? '' : `:${line}`}: ${message}`);
        this.file = file;
        this.line = line;
        this.pattern = pattern;
    }
}
// unicode.IsSpace, which Go's strings.TrimSpace uses (JS trim() differs: it trims U+FEFF, keeps U+0085).
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`);
function goTrimSpace(s) {
    return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}
/** Go's filepath.Clean on a Unix path. */
function goClean(p) {
    if (p === '')
        return '.';
    const rooted = p.startsWith('/');
    const out = [];
    for (const el of p.split('/')) {
        if (el === '' || el === '.')
            continue;
        if (el === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (!rooted)
                out.push('..');
            continue;
        }
        out.push(el);
    }
    const joined = out.join('/');
    if (rooted)
        return `/${joined}`;
    return joined === '' ? '.' : joined;
}
/**
 * ignorefile.ReadAll: BOM stripped, `#` comments only at column 0, whitespace trimmed, paths
 * cleaned, one leading `/` dropped, `!` kept in front. Lines are split like bufio.ScanLines.
 */
function parseIgnoreFile(text) {
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    const out = [];
    lines.forEach((raw, i) => {
        let pattern = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (i === 0 && pattern.startsWith('\ufeff'))
            pattern = pattern.slice(1);
        if (pattern.startsWith('#'))
            return;
        pattern = goTrimSpace(pattern);
        if (pattern === '')
            return;
        const invert = pattern.startsWith('!');
        if (invert)
            pattern = goTrimSpace(pattern.slice(1));
        if (pattern.length > 0) {
            pattern = goClean(pattern);
            if (pattern.length > 1 && pattern.startsWith('/'))
                pattern = pattern.slice(1);
        }
        out.push({ pattern: invert ? `!${pattern}` : pattern, line: i + 1 });
    });
    return out;
}
/**
 * Whether Go's filepath.Match accepts the pattern's syntax (patternmatcher.New calls
 * `filepath.Match(p, ".")` only for this). Every chunk is checked, as Match does before it
 * returns false. Note filepath.Match does not reject reversed ranges like `[z-a]`.
 */
function isValidGlob(pattern) {
    const s = Array.from(pattern);
    let i = 0;
    // getEsc: one range endpoint, possibly escaped; must be followed by more of the class.
    const esc = () => {
        if (i >= s.length || s[i] === '-' || s[i] === ']')
            return false;
        if (s[i] === '\\') {
            i++;
            if (i >= s.length)
                return false;
        }
        i++;
        return i < s.length;
    };
    while (i < s.length) {
        const c = s[i];
        if (c === '*' || c === '?') {
            i++;
        }
        else if (c === '[') {
            i++;
            if (s[i] === '^')
                i++;
            let nrange = 0;
            for (;;) {
                if (i < s.length && s[i] === ']' && nrange > 0) {
                    i++;
                    break;
                }
                if (!esc())
                    return false;
                if (s[i] === '-') {
                    i++;
                    if (!esc())
                        return false;
                }
                nrange++;
            }
        }
        else if (c === '\\') {
            i++;
            if (i >= s.length)
                return false;
            i++;
        }
        else {
            i++;
        }
    }
    return true;
}
// Characters patternmatcher escapes: regexp-special yet plain in filepath.Match. Not `^`.
const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);
/** patternmatcher's Pattern.compile with `/` as separator. */
function compileForm(cleaned) {
    const s = Array.from(cleaned);
    let re = '^';
    let type = 'exact';
    let pos = 0;
    for (let i = 0; pos < s.length; i++) {
        const ch = s[pos++];
        if (ch === '*') {
            if (s[pos] === '*') {
                pos++;
                if (s[pos] === '/')
                    pos++; // `**/` is treated as `**`
                if (pos >= s.length) {
                    if (type === 'exact')
                        type = 'prefix';
                    else {
                        re += '.*';
                        type = 'regexp';
                    }
                }
                else {
                    re += '(.*/)?';
                    type = 'regexp';
                }
                if (i === 0)
                    type = 'suffix';
            }
            else {
                re += '[^/]*';
                type = 'regexp';
            }
        }
        else if (ch === '?') {
            re += '[^/]';
            type = 'regexp';
        }
        else if (ESCAPED.has(ch)) {
            re += `\\${ch}`;
        }
        else if (ch === '\\') {
            if (pos < s.length) {
                re += `\\${s[pos++]}`;
                type = 'regexp';
            }
            else {
                re += '\\';
            }
        }
        else if (ch === '[' || ch === ']') {
            re += ch;
            type = 'regexp';
        }
        else {
            re += ch;
        }
    }
    return type === 'regexp'
        ? { matchType: type, regexp: `${re}$` }
        : { matchType: type, regexp: null };
}
/**
 * The parent directories patternmatcher checks for `path`, shortest first: the prefixes of
 * filepath.Dir(path) ("a", "a/b" for "a/b/c"); none for a top-level path.
 */
function parentDirs(path) {
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '.' : goClean(path.slice(0, slash + 1));
    if (dir === '.')
        return [];
    const parts = dir.split('/');
    return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
const SLASH = 0x2f;
/**
 * Where parentDirs(path) cuts a clean relative path: the index of every `/`, so that the parents
 * are `path.slice(0, cut)`. Null for other paths (rooted, `a//b`, `./a`), whose parents are
 * cleaned and so not plain prefixes.
 */
function parentCuts(path) {
    if (path.startsWith('/') || goClean(path) !== path)
        return null;
    const cuts = [];
    for (let k = path.indexOf('/'); k >= 0; k = path.indexOf('/', k + 1))
        cuts.push(k);
    return cuts;
}
const GLOB_CHARS = /[*?[\]\\^]/;
class Matcher {
    file;
    patterns;
    /** Some pattern starts with `!`. */
    hasExclusions;
    regexps = new Map();
    constructor(patterns, file) {
        this.file = file;
        this.patterns = patterns;
        this.hasExclusions = patterns.some(p => p.exclusion);
    }
    /**
     * One pattern against one path, no parent logic. The regexp is compiled on first use, as Go
     * does, so a pattern that Go's regexp rejects (`[z-a]`) fails when it is first evaluated.
     */
    matchOne(index, path) {
        const p = this.patterns[index];
        switch (p.form.matchType) {
            case 'exact':
                return path === p.text;
            case 'prefix':
                return path.startsWith(p.text.slice(0, -2));
            case 'suffix': {
                const suffix = p.text.slice(2);
                return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
            }
            case 'regexp':
                return this.regexp(index).test(path);
        }
    }
    regexp(index) {
        let re = this.regexps.get(index);
        if (!re) {
            const p = this.patterns[index];
            try {
                re = compileGoRegexp(p.form.regexp ?? '');
            }
            catch (e) {
                const why = e instanceof GoRegexpError ? ` (${e.message})` : '';
                throw new IgnoreSyntaxError(`syntax error in pattern "${p.text}"${why}`, this.file, p.line, p.text);
            }
            this.regexps.set(index, re);
        }
        return re;
    }
    /**
     * One pattern against `path` or any of its parent directories. For a clean relative path the
     * parents are the prefixes that end before each `/`, judged in one pass over the path rather
     * than one pass per parent (quadratic in the depth); other paths take parentDirs literally.
     */
    matchOneOrParents(index, path, cuts) {
        if (cuts === null)
            return this.matchOne(index, path) || parentDirs(path).some(d => this.matchOne(index, d));
        const p = this.patterns[index];
        switch (p.form.matchType) {
            case 'regexp':
                return this.regexp(index).testPrefixes(path, cuts);
            case 'exact':
                return (this.matchOne(index, path) ||
                    (path.startsWith(p.text) && path.charCodeAt(p.text.length) === SLASH));
            case 'prefix': {
                const prefix = p.text.slice(0, -2);
                return (this.matchOne(index, path) ||
                    (cuts.length > 0 && prefix.length <= cuts[cuts.length - 1] && path.startsWith(prefix)));
            }
            case 'suffix': {
                const suffix = p.text.slice(2);
                const bare = suffix.startsWith('/') ? suffix.slice(1) : null;
                return (this.matchOne(index, path) ||
                    cuts.some(c => (c >= suffix.length && path.startsWith(suffix, c - suffix.length)) ||
                        (bare !== null && c === bare.length && path.startsWith(bare))));
            }
        }
    }
    /**
     * patternmatcher.MatchesOrParentMatches: is `path` excluded, judging the path and each of its
     * parent directories against every pattern, last match winning.
     */
    matchesOrParentMatches(path) {
        let matched = false;
        const cuts = parentCuts(path);
        this.patterns.forEach((p, i) => {
            if (p.exclusion !== matched)
                return;
            if (this.matchOneOrParents(i, path, cuts))
                matched = !p.exclusion;
        });
        return matched;
    }
    /**
     * patternmatcher.MatchesUsingParentResults, what the BuildKit walker calls: a pattern that
     * matched the parent directory counts as matching here; without parent info (top level, or a
     * lone path) the parent directories are checked as in matchesOrParentMatches.
     */
    match(path, parent) {
        const inherited = parent?.parentMatched ?? [];
        const withParents = inherited.length === 0;
        const cuts = withParents ? parentCuts(path) : null;
        const info = new Array(this.patterns.length).fill(false);
        let matched = false;
        this.patterns.forEach((p, i) => {
            let m = inherited[i] ?? false;
            if (!m) {
                if (p.exclusion !== matched)
                    return;
                m = withParents ? this.matchOneOrParents(i, path, cuts) : this.matchOne(i, path);
            }
            info[i] = m;
            if (m)
                matched = !p.exclusion;
        });
        return { excluded: matched, info: { parentMatched: info } };
    }
    /** Shorthand for walks that track only the result. */
    excluded(path, parent) {
        return this.match(path, parent).excluded;
    }
    /**
     * Whether some `!` exception could re-include anything strictly below the excluded directory
     * `dir`. When not, the directory need not be read at all. Below an excluded directory a path is
     * re-included only by an exception that matches a path under `dir` on its own (the parent
     * results carry the exclusion down), so this asks, per exception, whether it can match any
     * `dir/...` path. Conservative: true when unsure.
     */
    exceptionMayMatchUnder(dir) {
        if (!this.hasExclusions)
            return false;
        const dirSlash = `${dir}/`;
        const compatible = (prefix) => prefix.startsWith(dirSlash) || dirSlash.startsWith(prefix);
        return this.patterns.some(p => {
            if (!p.exclusion)
                return false;
            switch (p.form.matchType) {
                case 'exact':
                    return p.text.startsWith(dirSlash);
                case 'prefix':
                    return compatible(p.text.slice(0, -2));
                case 'suffix':
                    return true;
                case 'regexp':
                    return this.regexpMayMatchUnder(p, dirSlash);
            }
        });
    }
    regexpMayMatchUnder(p, dirSlash) {
        // Classes can match `/` (`[^a]` does), `**` spans levels and `\` escapes read as Go regexp:
        // for those, only the literal text before the first special character can rule a dir out.
        const special = p.text.search(GLOB_CHARS);
        const literal = special < 0 ? p.text : p.text.slice(0, special);
        if (!(literal.startsWith(dirSlash) || dirSlash.startsWith(literal)))
            return false;
        if (/[[\]\\^]|\*\*/.test(p.text))
            return true;
        // Only `*` and `?` remain, neither crosses `/`: the pattern has a fixed number of segments,
        // and must be deeper than `dir` with its leading segments matching dir's.
        const segs = p.text.split('/');
        const dirSegs = dirSlash.slice(0, -1).split('/');
        if (segs.length <= dirSegs.length)
            return false;
        const head = compileForm(segs.slice(0, dirSegs.length).join('/'));
        const dirPath = dirSegs.join('/');
        if (head.regexp === null)
            return head.matchType !== 'exact' || dirPath === segs.slice(0, dirSegs.length).join('/');
        try {
            return compileGoRegexp(head.regexp).test(dirPath);
        }
        catch {
            return true;
        }
    }
}
/**
 * patternmatcher.New: trims and cleans each pattern, drops empty ones, takes a leading `!` as an
 * exception, and rejects what filepath.Match would reject. Lines come from `parseIgnoreFile`
 * (or are the 1-based positions of plain strings); `file` names the source in errors.
 */
function compilePatterns(patterns, file = null) {
    const out = [];
    patterns.forEach((entry, idx) => {
        const line = typeof entry === 'string' ? idx + 1 : entry.line;
        let p = goTrimSpace(typeof entry === 'string' ? entry : entry.pattern);
        if (p === '')
            return;
        p = goClean(p);
        let exclusion = false;
        if (p.startsWith('!')) {
            if (p.length === 1)
                throw new IgnoreSyntaxError('illegal exclusion pattern: "!"', file, line, p);
            exclusion = true;
            p = p.slice(1);
        }
        if (!isValidGlob(p))
            throw new IgnoreSyntaxError(`syntax error in pattern "${p}"`, file, line, p);
        out.push({ text: p, exclusion, line, form: compileForm(p) });
    });
    return new Matcher(out, file);
}

;// CONCATENATED MODULE: ./src/context/walk.ts







/** A context that cannot be read; `path` is the file or directory at fault. */
class ContextError extends error/* FreshBuildError */.n {
    path;
    code;
    constructor(message, path, code = null) {
        super(message);
        this.path = path;
        this.code = code;
    }
}
// Synchronous calls behind the async interface: a libuv round trip costs ~20us of main-thread
// time per call, ten times a cached lstat, and dominated the walk of a 20k-file tree
// (docs/benchmarks.md). Errors still surface as rejections, which the walker handles.
const nodeFs = {
    readdir: async (p) => (0,external_node_fs_namespaceObject.readdirSync)(p, { withFileTypes: true }),
    lstat: async (p) => (0,external_node_fs_namespaceObject.lstatSync)(p),
    readlink: async (p) => (0,external_node_fs_namespaceObject.readlinkSync)(p)
};
const REASONS = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files'
};
function fail(what, path, e) {
    const code = (0,errno/* errCode */.t)(e);
    const reason = code ? `${REASONS[code] ?? code.toLowerCase()} (${code})` : (0,error/* thrownMessage */.U)(e);
    return new ContextError(`${what} ${path}: ${reason}`, path, code ?? null);
}
async function isFile(p) {
    try {
        return (await (0,promises_.stat)(p)).isFile();
    }
    catch (e) {
        if ((0,errno/* errCode */.t)(e) === 'ENOENT' || (0,errno/* errCode */.t)(e) === 'ENOTDIR')
            return false;
        throw fail('cannot read ignore file', p, e);
    }
}
/**
 * BuildKit's choice of ignore file: `<Dockerfile path>.dockerignore` when it exists, else
 * `<context>/.dockerignore`, else none.
 */
async function findIgnoreFile(root, dockerfile) {
    if (dockerfile !== undefined) {
        const specific = `${(0,external_node_path_.resolve)(dockerfile)}.dockerignore`;
        if (await isFile(specific))
            return specific;
    }
    const common = (0,external_node_path_.join)((0,external_node_path_.resolve)(root), '.dockerignore');
    return (await isFile(common)) ? common : null;
}
async function readIgnore(root, dockerfile) {
    const file = await findIgnoreFile(root, dockerfile);
    if (file === null)
        return { file, lines: [] };
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        throw fail('cannot read ignore file', file, e);
    }
    return { file, lines: parseIgnoreFile(text) };
}
async function resolveRoot(root) {
    const abs = (0,external_node_path_.resolve)(root);
    let real;
    try {
        real = await (0,promises_.realpath)(abs);
    }
    catch (e) {
        if ((0,errno/* errCode */.t)(e) === 'ENOENT')
            throw new ContextError(`build context not found: ${abs}`, abs, 'ENOENT');
        throw fail('cannot read build context', abs, e);
    }
    const st = await (0,promises_.stat)(real).catch((e) => {
        throw fail('cannot read build context', abs, e);
    });
    if (!st.isDirectory())
        throw new ContextError(`build context is not a directory: ${abs}`, abs, 'ENOTDIR');
    return real;
}
class Walker {
    fs;
    matcher;
    constructor(fs, matcher) {
        this.fs = fs;
        this.matcher = matcher;
    }
    /**
     * Appends the entries below `absDir` to `out` and returns how many; `excluded` says the
     * directory itself is excluded (walked for exceptions). Sequential, like fsutil's walker: with
     * the synchronous default fs, a promise per entry and per directory only fed the garbage
     * collector (the walk of a 20k-file tree went from ~600 ms to ~150 ms). Order is irrelevant:
     * scanContext sorts.
     */
    async walk(absDir, relDir, info, excluded, out) {
        let dirents;
        try {
            dirents = await this.fs.readdir(absDir);
        }
        catch (e) {
            // fsutil ignores permission errors inside excluded directories, and vanished ones anywhere.
            const code = (0,errno/* errCode */.t)(e);
            if (excluded && (code === 'EACCES' || code === 'EPERM'))
                return 0;
            if (code === 'ENOENT' && relDir !== '')
                return 0;
            throw fail('cannot read directory', absDir, e);
        }
        const before = out.length;
        for (const d of dirents) {
            const rel = relDir === '' ? d.name : `${relDir}/${d.name}`;
            const abs = (0,external_node_path_.join)(absDir, d.name);
            const isDir = d.isDirectory();
            const m = this.matcher.match(rel, info);
            if (m.excluded) {
                if (!isDir || !this.matcher.exceptionMayMatchUnder(rel))
                    continue;
                // An excluded directory is sent only for what is re-included below it.
                if ((await this.walk(abs, rel, m.info, true, out)) === 0)
                    continue;
                const self = await this.entry(abs, rel);
                if (self)
                    out.push(self);
                continue;
            }
            const self = await this.entry(abs, rel);
            if (!self)
                continue;
            out.push(self);
            if (self.entry.type === 'dir')
                await this.walk(abs, rel, m.info, false, out);
        }
        return out.length - before;
    }
    async entry(abs, rel) {
        let st;
        try {
            st = await this.fs.lstat(abs);
        }
        catch (e) {
            if ((0,errno/* errCode */.t)(e) === 'ENOENT')
                return null;
            throw fail('cannot stat', abs, e);
        }
        const mode = st.mode & 0o7777;
        const fileStat = {
            size: st.size,
            mode,
            ino: st.ino,
            dev: st.dev,
            ctimeMs: st.ctimeMs,
            mtimeMs: st.mtimeMs
        };
        if (st.isDirectory())
            return { abs, stat: null, entry: { path: rel, type: 'dir', mode, size: 0 } };
        if (st.isSymbolicLink()) {
            let target;
            try {
                target = await this.fs.readlink(abs);
            }
            catch (e) {
                throw fail('cannot read symlink', abs, e);
            }
            const entry = { path: rel, type: 'symlink', mode, size: 0, linkTarget: target };
            entry.digest = digestString(target);
            return { abs, stat: null, entry };
        }
        if (st.isFile())
            return { abs, stat: fileStat, entry: { path: rel, type: 'file', mode, size: st.size } };
        if (st.isFIFO())
            return null;
        // Sockets and devices land in the image as empty files; never open them.
        return {
            abs,
            stat: null,
            entry: { path: rel, type: 'file', mode, size: 0, digest: digestString('') }
        };
    }
}
/**
 * Every entry Docker would send for the context at `root`, with digests, sorted by path bytes.
 * Throws ContextError (unreadable or missing paths) or IgnoreSyntaxError (bad ignore pattern).
 */
async function scanContext(root, opts = {}) {
    const realRoot = await resolveRoot(root);
    const ignore = await readIgnore(root, opts.dockerfile);
    const matcher = compilePatterns(ignore.lines, ignore.file);
    const concurrency = opts.concurrency ?? defaultConcurrency();
    const fs = { ...nodeFs, ...opts.fs };
    const found = [];
    await new Walker(fs, matcher).walk(realRoot, '', undefined, false, found);
    const digester = opts.digester ?? new StreamDigester();
    await mapPool(found.filter(f => f.stat !== null), concurrency, async (f) => {
        try {
            f.entry.digest = await digester.digestFile(f.abs, f.stat);
        }
        catch (e) {
            throw fail('cannot read file', f.abs, e);
        }
    });
    // Sort on precomputed UTF-8 keys: the same order as compareBytes, without re-encoding per compare.
    const keyed = found.map(f => ({ key: Buffer.from(f.entry.path), entry: f.entry }));
    keyed.sort((a, b) => Buffer.compare(a.key, b.key));
    return {
        root: (0,external_node_path_.resolve)(root),
        ignoreFile: ignore.file,
        ignorePatterns: ignore.lines.map(l => l.pattern),
        entries: keyed.map(k => k.entry)
    };
}

;// CONCATENATED MODULE: ./src/context/statcache.ts
/**
 * A stat cache for file digests, so an unchanged file is not read again on the next deploy.
 *
 * Correctness rests on ctime: the kernel sets a file's ctime to "now" on every content or
 * metadata change, and no tool can set it back (rsync -t, tar, `touch -d` and mtime-restoring
 * checkouts restore mtime only). An entry is reused only when path, size, mtime, ctime, inode and
 * device all equal the current lstat, so the same-size, mtime-kept edit that fools Docker's
 * context sync changes the ctime and is re-read.
 *
 * Timestamps are coarse (a kernel tick, 1-2 s on some file systems), so a change made in the same
 * tick as the stat that filled an entry can leave every field equal. Git's "racy" rule closes
 * that gap: an entry is trusted only when its mtime and ctime are older than the moment the
 * scan that stored it began (the "horizon", read from the file system's own clock before the
 * first lstat, and never later than the cache file's own write time) by a margin of RACY_MARGIN_MS.
 * Any change after the horizon gets a newer ctime, which no trusted entry has.
 *
 * The cache lives outside the context (beside the record), is written atomically (temp file and
 * rename), carries a checksum, and is a pure optimisation: a missing, unreadable, torn or
 * tampered file is ignored and every file is read, never an error.
 */






/** Changes this close to the horizon are not trusted: covers 2 s file system granularity (FAT). */
const RACY_MARGIN_MS = 2000;
const MAGIC = 'fresh-build stat cache v1';
const HEX = /^[0-9a-f]{64}$/;
/** Where the stat cache for a record lives: beside it, like its lock file. */
function statCachePathFor(recordPath) {
    return `${recordPath}.stat-cache`;
}
/** Rows parsed from a cache file, or the reason it was ignored. */
function parseStatCache(text) {
    const nl = text.indexOf('\n');
    const header = nl < 0 ? text : text.slice(0, nl);
    if (!header.startsWith(`${MAGIC} `))
        return { ignored: 'not a stat cache file' };
    const fields = header.slice(MAGIC.length + 1).split(' ');
    const horizonMs = Number(fields[0]);
    const sum = fields[1] ?? '';
    if (fields.length !== 2)
        return { ignored: 'bad header' };
    const body = text.slice(nl + 1);
    if (!Number.isFinite(horizonMs) || !HEX.test(sum))
        return { ignored: 'bad header' };
    if ((0,external_node_crypto_.createHash)('sha256').update(body).digest('hex') !== sum)
        return { ignored: 'bad checksum' };
    let rows;
    try {
        rows = JSON.parse(body);
    }
    catch {
        return { ignored: 'not JSON' };
    }
    if (!Array.isArray(rows) || !rows.every(isRow))
        return { ignored: 'bad rows' };
    return { horizonMs, rows };
}
function isRow(r) {
    return (Array.isArray(r) &&
        r.length === 7 &&
        typeof r[0] === 'string' &&
        r.slice(1, 6).every(n => typeof n === 'number' && Number.isFinite(n)) &&
        typeof r[6] === 'string' &&
        HEX.test(r[6]));
}
/** The cache text for `rows` stored at `horizonMs`. */
function formatStatCache(horizonMs, rows) {
    const body = JSON.stringify(rows);
    const sum = (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
    return `${MAGIC} ${horizonMs} ${sum}\n${body}`;
}
function sameStat(row, st) {
    return (row[1] === st.size &&
        row[2] === st.mtimeMs &&
        row[3] === st.ctimeMs &&
        row[4] === st.ino &&
        row[5] === st.dev);
}
/** Old enough to trust against a horizon: the racy rule. */
function settledBefore(st, horizonMs) {
    const limit = horizonMs - RACY_MARGIN_MS;
    return st.mtimeMs < limit && st.ctimeMs < limit;
}
/**
 * One scan's use of a cache file: open() before the walk (it fixes the horizon), digester() for
 * the walk, then save() or discard(). Never throws for cache trouble; it reports it in `stats`.
 */
class StatCache {
    path;
    previous;
    horizonMs;
    tmp;
    notes;
    kept = new Map();
    hits = 0;
    misses = 0;
    saved = false;
    constructor(path, 
    /** Trusted rows from the previous run, by absolute path. */
    previous, 
    /** This scan's horizon on the file system clock; null: the cache cannot be written. */
    horizonMs, tmp, notes) {
        this.path = path;
        this.previous = previous;
        this.horizonMs = horizonMs;
        this.tmp = tmp;
        this.notes = notes;
    }
    /**
     * Reads the cache at `path` and reserves its replacement. The temp file is created now, before
     * the walk, so its mtime is the horizon on the file system clock.
     */
    static async open(path) {
        const notes = [];
        let tmp = null;
        let horizonMs = null;
        try {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
            await removeOrphans(path);
            const tmpPath = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `${tmpPrefix(path)}${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
            const fh = await (0,promises_.open)(tmpPath, 'wx', 0o644);
            tmp = { path: tmpPath, fh };
            horizonMs = (await fh.stat()).mtimeMs;
        }
        catch (e) {
            notes.push(`not writable (${errText(e)})`);
        }
        const previous = new Map();
        try {
            const [text, st] = await Promise.all([(0,promises_.readFile)(path, 'utf8'), (0,promises_.stat)(path)]);
            const parsed = parseStatCache(text);
            if ('ignored' in parsed) {
                notes.push(`ignored (${parsed.ignored})`);
            }
            else {
                // Trust nothing newer than the cache file itself, whatever its header claims.
                const limit = Math.min(parsed.horizonMs, st.mtimeMs);
                for (const row of parsed.rows) {
                    if (settledBefore({ mtimeMs: row[2], ctimeMs: row[3] }, limit))
                        previous.set(row[0], row);
                }
            }
        }
        catch (e) {
            if ((0,errno/* errCode */.t)(e) !== 'ENOENT')
                notes.push(`ignored (${errText(e)})`);
        }
        return new StatCache(path, previous, horizonMs, tmp, notes);
    }
    /** The digester for this scan: a cache hit skips the read, a miss reads through `inner`. */
    digester(inner = new StreamDigester()) {
        return {
            digestFile: async (absPath, st) => {
                const row = this.previous.get(absPath);
                if (row && sameStat(row, st)) {
                    this.hits++;
                    // Still settled against the new horizon, which is later than the old one.
                    if (this.horizonMs !== null)
                        this.kept.set(absPath, row);
                    return `sha256:${row[6]}`;
                }
                const digest = await inner.digestFile(absPath, st);
                this.misses++;
                // Rows that will not be trusted next time are not worth storing.
                if (this.horizonMs !== null && settledBefore(st, this.horizonMs)) {
                    const hex = digest.slice('sha256:'.length);
                    this.kept.set(absPath, [absPath, st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, hex]);
                }
                return digest;
            }
        };
    }
    /**
     * Replaces the cache file with this scan's rows (temp file, then rename: readers see the old
     * file or the new one, never a mix). Skipped when nothing changed. No fsync: a file torn by a
     * crash fails its checksum and is ignored.
     */
    async save() {
        const tmp = this.tmp;
        this.tmp = null;
        if (tmp === null || this.horizonMs === null)
            return this.stats();
        const unchanged = this.misses === 0 && this.kept.size === this.previous.size;
        try {
            if (!unchanged) {
                await tmp.fh.writeFile(formatStatCache(this.horizonMs, [...this.kept.values()]), 'utf8');
            }
            await tmp.fh.close();
            if (unchanged) {
                await (0,promises_.unlink)(tmp.path);
            }
            else {
                await (0,promises_.rename)(tmp.path, this.path);
                this.saved = true;
            }
        }
        catch (e) {
            await tmp.fh.close().catch(() => undefined);
            await (0,promises_.unlink)(tmp.path).catch(() => undefined);
            this.notes.push(`not saved (${errText(e)})`);
        }
        return this.stats();
    }
    /** Drops the reserved temp file (the scan failed). */
    async discard() {
        const tmp = this.tmp;
        this.tmp = null;
        if (tmp === null)
            return;
        await tmp.fh.close().catch(() => undefined);
        await (0,promises_.unlink)(tmp.path).catch(() => undefined);
    }
    stats() {
        return {
            path: this.path,
            hits: this.hits,
            misses: this.misses,
            note: this.notes.length > 0 ? `stat cache ${this.notes.join('; ')}` : null,
            saved: this.saved
        };
    }
}
/** Temp files of a run that died mid-scan are removed after this long. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;
function tmpPrefix(path) {
    return `.${(0,external_node_path_.basename)(path)}.`;
}
/** Removes temp files left by runs killed mid-scan (a live scan's temp is never this old). */
async function removeOrphans(path) {
    const prefix = tmpPrefix(path);
    const dir = (0,external_node_path_.dirname)(path);
    const names = (await (0,promises_.readdir)(dir)).filter(n => n.startsWith(prefix) && n.endsWith('.tmp'));
    for (const name of names) {
        const p = (0,external_node_path_.join)(dir, name);
        const st = await (0,promises_.stat)(p).catch(() => null);
        if (st && Date.now() - st.mtimeMs > ORPHAN_AGE_MS)
            await (0,promises_.unlink)(p).catch(() => undefined);
    }
}
function errText(e) {
    return (0,errno/* errCode */.t)(e) ?? (0,error/* thrownMessage */.U)(e).split('\n')[0] ?? '';
}
/** One progress line for a person: how much of the context the cache spared reading. */
function describeStatCache(s) {
    const total = s.hits + s.misses;
    const line = `stat cache: ${s.hits} of ${total} file digest(s) reused, ${s.misses} read`;
    return s.note ? `${line}; ${s.note}` : line;
}

// EXTERNAL MODULE: ./src/context/hash.ts
var hash = __nccwpck_require__(9715);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __nccwpck_require__(8390);
;// CONCATENATED MODULE: ./src/dockerfile/match.ts
/**
 * Path patterns of COPY/ADD: sources follow Go's `filepath.Match` (`*` and `?` never cross `/`,
 * `[...]` classes with `^` negation, `\` escapes); `--exclude` patterns follow moby's
 * patternmatcher (`**` spans directories, a pattern excluding a directory excludes what it holds,
 * a leading `!` re-includes).
 */
/** True when the path holds a Go wildcard meta character. */
function hasWildcard(p) {
    return /[*?[]/.test(p);
}
const cache = new Map();
/** Go `filepath.Match(pattern, name)` on `/`-separated paths; a malformed pattern matches nothing. */
function goMatch(pattern, name) {
    let re = cache.get(pattern);
    if (re === undefined) {
        re = compile(pattern, false);
        cache.set(pattern, re);
    }
    return re !== null && re.test(name);
}
/**
 * Translates a pattern to a RegExp; with `globstar` a `**` segment matches any number of
 * directories (patternmatcher), otherwise it is just two stars (Go).
 */
function compile(pattern, globstar) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*') {
            if (globstar && pattern[i + 1] === '*') {
                i++;
                if (pattern[i + 1] === '/') {
                    i++;
                    re += '(?:.*/)?';
                }
                else {
                    re += '.*';
                }
            }
            else {
                re += '[^/]*';
            }
        }
        else if (ch === '?') {
            re += '[^/]';
        }
        else if (ch === '\\') {
            if (i + 1 >= pattern.length)
                return null;
            re += escapeRe(pattern[++i]);
        }
        else if (ch === '[') {
            const end = classEnd(pattern, i);
            if (end < 0)
                return null;
            re += translateClass(pattern.slice(i + 1, end));
            i = end;
        }
        else {
            re += escapeRe(ch);
        }
    }
    return new RegExp(`^${re}$`, 's');
}
/** Index of the `]` closing the class opened at `start`, or -1 (Go: ErrBadPattern). */
function classEnd(p, start) {
    let i = start + 1;
    if (p[i] === '^')
        i++;
    let first = true;
    for (; i < p.length; i++) {
        if (p[i] === ']' && !first)
            return i;
        if (p[i] === '\\')
            i++;
        first = false;
    }
    return -1;
}
function translateClass(body) {
    let out = '[';
    let i = 0;
    if (body[0] === '^') {
        out += '^';
        i = 1;
    }
    for (; i < body.length; i++) {
        const ch = body[i];
        if (ch === '\\' && i + 1 < body.length)
            out += escapeRe(body[++i]);
        else if (ch === '-')
            out += '-';
        else
            out += escapeRe(ch);
    }
    return `${out}]`;
}
function escapeRe(ch) {
    return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}
/** Compiles `--exclude` patterns; each is cleaned like patternmatcher does. */
function compileExcludes(patterns) {
    const rules = [];
    for (const raw of patterns) {
        let p = raw.trim();
        const negate = p.startsWith('!');
        if (negate)
            p = p.slice(1);
        p = cleanRel(p);
        const re = compile(p, true);
        if (re !== null)
            rules.push({ negate, re });
    }
    return rules;
}
/** True when `rel` (or a directory above it) is excluded; later rules win, `!` re-includes. */
function isExcluded(rules, rel) {
    if (rules.length === 0 || rel === '')
        return false;
    const parts = rel.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const r of rules) {
        if (prefixes.some(p => r.re.test(p)))
            excluded = !r.negate;
    }
    return excluded;
}
/**
 * Cleans a context-relative path like Go's `path.Clean("/" + p)` without the leading slash:
 * `./a`, `/a`, `a/../a/` all give `a`; `..` cannot climb above the root; the root is `.`.
 */
function cleanRel(p) {
    const out = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            out.pop();
        else
            out.push(seg);
    }
    return out.length === 0 ? '.' : out.join('/');
}

;// CONCATENATED MODULE: ./src/dockerfile/words.ts
/**
 * Shell-word handling the way BuildKit's `shell.Lex` treats a Dockerfile word: quotes removed,
 * the escape character honoured, `$VAR` / `${VAR}` / `${VAR:-x}` / `${VAR-x}` / `${VAR:+x}` /
 * `${VAR+x}` / `${VAR:?x}` expanded from a variable map, and the pattern modifiers of the
 * current Dockerfile syntax (`${VAR#p}`, `${VAR##p}`, `${VAR%p}`, `${VAR%%p}`, `${VAR/p/r}`,
 * `${VAR//p/r}`, `p` a shell glob; the 20.10 daemon's RUN runs them in the shell, verified).
 * Unset variables expand to ''.
 * dockerfile-ast splits arguments on whitespace without regard to quotes (`"a b"` becomes two
 * arguments), so instructions' argument text is split with `splitWords` instead.
 */
/**
 * How deep `${a:-${b:-…}}` may nest. The lexer recurses once per level and would overflow the
 * stack in the thousands; real Dockerfiles nest two or three deep.
 */
const MAX_NESTING = 128;
/** Raised for a malformed word; the reader turns it into a DockerfileError with the line. */
class WordError extends Error {
}
/**
 * Splits argument text into words on unquoted whitespace, keeping quotes and escapes in each
 * word for `expandWord`.
 */
function splitWords(text, escape) {
    const words = [];
    let cur = '';
    let quote = null;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote === null && /\s/.test(ch)) {
            if (inWord)
                words.push(cur);
            cur = '';
            inWord = false;
            continue;
        }
        inWord = true;
        cur += ch;
        if (ch === escape && quote !== "'" && i + 1 < text.length) {
            cur += text[++i];
        }
        else if (quote === null && (ch === '"' || ch === "'")) {
            quote = ch;
        }
        else if (ch === quote) {
            quote = null;
        }
    }
    if (inWord)
        words.push(cur);
    return words;
}
/** Expands one word: variables substituted, quotes and escapes removed. */
function expandWord(word, vars, escape = '\\') {
    const lex = new Lexer(word, vars, escape, false);
    const out = lex.process('');
    if (lex.pos < word.length)
        throw new WordError(`unexpected '${word[lex.pos]}' in ${JSON.stringify(word)}`);
    return out;
}
/**
 * A RUN's text as BuildKit prints it in the build log: variables expanded, quotes kept, unset
 * variables left as written (its lexer's RawQuotes and SkipUnsetEnv modes; verified on 20.10:
 * `RUN echo "$SRC  two" 'q $DIR'` prints `RUN echo "a  two" 'q $DIR'`).
 */
function expandRaw(word, vars, escape = '\\') {
    const lex = new Lexer(word, vars, escape, true);
    const out = lex.process('');
    if (lex.pos < word.length)
        throw new WordError(`unexpected '${word[lex.pos]}' in ${JSON.stringify(word)}`);
    return out;
}
class Lexer {
    s;
    vars;
    escape;
    raw;
    pos = 0;
    depth = 0;
    constructor(s, vars, escape, 
    /** Keep quotes and unset variables as written (BuildKit's printed RUN). */
    raw) {
        this.s = s;
        this.vars = vars;
        this.escape = escape;
        this.raw = raw;
    }
    /** Reads until `stop` (not consumed) or the end. */
    process(stop) {
        let out = '';
        while (this.pos < this.s.length) {
            const ch = this.s[this.pos];
            if (stop !== '' && ch === stop)
                return out;
            this.pos++;
            if (ch === this.escape) {
                // A trailing escape stays literal, as BuildKit keeps it.
                out += this.pos < this.s.length ? this.s[this.pos++] : ch;
            }
            else if (ch === "'") {
                const end = this.s.indexOf("'", this.pos);
                if (end < 0)
                    throw new WordError(`unterminated single quote in ${JSON.stringify(this.s)}`);
                out += this.raw ? this.s.slice(this.pos - 1, end + 1) : this.s.slice(this.pos, end);
                this.pos = end + 1;
            }
            else if (ch === '"') {
                out += this.raw ? `"${this.doubleQuoted()}"` : this.doubleQuoted();
            }
            else if (ch === '$') {
                out += this.dollar();
            }
            else {
                out += ch;
            }
        }
        return out;
    }
    doubleQuoted() {
        let out = '';
        while (this.pos < this.s.length) {
            const ch = this.s[this.pos++];
            if (ch === '"')
                return out;
            if (ch === this.escape &&
                this.pos < this.s.length &&
                ['"', '$', this.escape].includes(this.s[this.pos])) {
                out += this.s[this.pos++];
            }
            else if (ch === '$') {
                out += this.dollar();
            }
            else {
                out += ch;
            }
        }
        throw new WordError(`unterminated double quote in ${JSON.stringify(this.s)}`);
    }
    /** After a `$`. */
    dollar() {
        const next = this.s[this.pos];
        if (next === '{') {
            this.pos++;
            return this.braced();
        }
        const name = this.name();
        if (name === '')
            return '$';
        return this.vars.get(name) ?? (this.raw ? `$${name}` : '');
    }
    name() {
        // BuildKit: a leading digit is a one-character (positional) name.
        if (/[0-9]/.test(this.s[this.pos] ?? ''))
            return this.s[this.pos++];
        const m = /^[A-Za-z0-9_]*/.exec(this.s.slice(this.pos));
        const name = m ? m[0] : '';
        this.pos += name.length;
        return name;
    }
    braced() {
        const name = this.name();
        if (name === '')
            throw new WordError(`bad substitution in ${JSON.stringify(this.s)}`);
        const start = this.pos - name.length - 2;
        const value = this.vars.get(name);
        if (this.s[this.pos] === '}') {
            this.pos++;
            return value ?? (this.raw ? `\${${name}}` : '');
        }
        if (this.pos >= this.s.length)
            throw new WordError(`missing '}' in ${JSON.stringify(this.s)}`);
        let op = this.s[this.pos];
        this.pos++;
        const colon = op === ':';
        if (colon)
            op = this.s[this.pos++] ?? '';
        else if ((op === '#' || op === '%' || op === '/') && this.s[this.pos] === op) {
            this.pos++;
            op += op;
        }
        if (!['-', '+', '?', '#', '##', '%', '%%', '/', '//'].includes(op) || (colon && op.length > 1))
            throw new WordError(`unsupported modifier in ${JSON.stringify(this.s)}`);
        if (colon && !['-', '+', '?'].includes(op))
            throw new WordError(`unsupported modifier in ${JSON.stringify(this.s)}`);
        if (++this.depth > MAX_NESTING) {
            throw new WordError(`variable substitutions too deeply nested to read (more than ${MAX_NESTING} levels of \${)`);
        }
        const isPattern = op[0] === '#' || op[0] === '%' || op[0] === '/';
        const word = this.process(op[0] === '/' ? '/' : '}');
        let replacement = '';
        if (op[0] === '/' && this.s[this.pos] === '/') {
            this.pos++;
            replacement = this.process('}');
        }
        this.depth--;
        if (this.s[this.pos] !== '}')
            throw new WordError(`missing '}' in ${JSON.stringify(this.s)}`);
        this.pos++;
        if (isPattern) {
            if (value === undefined)
                return this.raw ? this.s.slice(start, this.pos) : '';
            return applyPattern(value, op, word, replacement);
        }
        // With ':' an empty value counts as unset, as in POSIX shells.
        const set = value !== undefined && (!colon || value !== '');
        if (op === '-')
            return set ? value : word;
        if (op === '+')
            return set ? word : '';
        if (!set)
            throw new WordError(`${name}: ${word || 'is not allowed to be unset'}`);
        return value;
    }
}
/** A shell glob (`*`, `?`, `[...]`, `\\x`) as a RegExp source. */
function globSource(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*')
            re += '[\\s\\S]*';
        else if (ch === '?')
            re += '[\\s\\S]';
        else if (ch === '\\' && i + 1 < pattern.length)
            re += words_escapeRe(pattern[++i]);
        else if (ch === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0)
                re += '\\[';
            else {
                const body = pattern.slice(i + 1, end);
                re += `[${body.startsWith('!') || body.startsWith('^') ? '^' + body.slice(1) : body}]`;
                i = end;
            }
        }
        else
            re += words_escapeRe(ch);
    }
    return re;
}
function words_escapeRe(ch) {
    return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
/** `#`/`##` cut the shortest/longest matching prefix, `%`/`%%` the suffix, `/`/`//` replace. */
function applyPattern(value, op, pattern, replacement) {
    const src = globSource(pattern);
    const lazy = src.replace(/\[\\s\\S\]\*/g, '[\\s\\S]*?');
    switch (op) {
        case '#':
            return value.replace(new RegExp(`^${lazy}`), '');
        case '##':
            return value.replace(new RegExp(`^${src}`), '');
        case '%': {
            // The shortest suffix: try from the end.
            for (let i = value.length; i >= 0; i--)
                if (new RegExp(`^${src}$`).test(value.slice(i)))
                    return value.slice(0, i);
            return value;
        }
        case '%%': {
            for (let i = 0; i <= value.length; i++)
                if (new RegExp(`^${src}$`).test(value.slice(i)))
                    return value.slice(0, i);
            return value;
        }
        case '/':
            return pattern === '' ? value : value.replace(new RegExp(src), () => replacement);
        default:
            return pattern === '' ? value : value.replace(new RegExp(src, 'g'), () => replacement);
    }
}

;// CONCATENATED MODULE: ./src/dockerfile/read.ts






/*
 * Reads a Dockerfile into the steps that read the build context, numbered as BuildKit prints them.
 *
 * BuildKit's `[stage i/n]` counting, read from moby/buildkit dockerfile2llb and verified on the
 * daemon here (Docker 20.10.24, BuildKit v0.8 built-in frontend):
 *   - only FROM, RUN, COPY, ADD and WORKDIR count; ENV, ARG, LABEL, USER, EXPOSE, CMD, comments do
 *     not (`FROM; ENV; ARG; WORKDIR; LABEL; COPY; RUN; COPY; STOPSIGNAL; EXPOSE; RUN` prints 1..6/6);
 *   - FROM counts (as 1) only for an image base: `FROM scratch` and `FROM <earlier stage>` print no
 *     step, so the stage's first COPY is `1/n` (`[stage-2 1/1] COPY --from=1 /out /x`);
 *   - the name is the AS name lowercased (`AS Upper` prints `[upper 1/12]`), else `stage-N`;
 *     a Dockerfile with one stage prints no name at all (`[2/3]`), even with `AS`;
 *   - the index is right-aligned to the width of n: `[upper  1/12]`;
 *   - the printed instruction has variables expanded and quotes removed
 *     (`COPY $SRC ${DIR}/` prints `COPY src /d/`, `COPY ["sp ace", "/sp/"]` prints `COPY [sp ace, /sp/]`);
 *     `instruction` here stays as written, continuations joined as BuildKit joins them;
 *   - ONBUILD triggers of a local base image (given by `onBuild`) run right after FROM: they take
 *     the next indexes, yet n stays the stage's own count (`[2/3] COPY . /app/` (trigger),
 *     `[3/3] RUN echo trig` (trigger), `[4/3] RUN echo child`), and each writes a history entry.
 * The 20.10 built-in frontend rejects heredocs, --link, --parents and --exclude; they follow the
 * current Dockerfile reference (`# syntax=docker/dockerfile:1`).
 *
 * dockerfile-ast supplies instruction boundaries (continuations, comments, heredoc bodies), the
 * `# escape=` directive and ENV properties. Its gaps, worked around here: it splits arguments on
 * whitespace ignoring quotes, its JSON strings drop spaces (`"sp ace"` -> `space`), its text joins
 * arguments with single spaces (BuildKit keeps the spacing), `ARG a b=1` yields only `a`, it
 * accepts unknown instructions and flags, files without FROM, and unterminated heredocs, and ADD's
 * heredocs are not in its typings. So words, flags and heredocs are read here from the lines.
 */
/** A malformed Dockerfile; the message is one line naming the file and line. */
class DockerfileError extends error/* FreshBuildError */.n {
    file;
    line;
    detail;
    constructor(file, line, detail) {
        super(`${file}:${line}: ${detail}`);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }
}
const KEYWORDS = new Set([
    'ADD',
    'ARG',
    'CMD',
    'COPY',
    'ENTRYPOINT',
    'ENV',
    'EXPOSE',
    'FROM',
    'HEALTHCHECK',
    'LABEL',
    'MAINTAINER',
    'ONBUILD',
    'RUN',
    'SHELL',
    'STOPSIGNAL',
    'USER',
    'VOLUME',
    'WORKDIR'
]);
/** Flags each instruction accepts in the current Dockerfile reference. */
const FLAGS = {
    FROM: new Set(['platform']),
    COPY: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
    ADD: new Set(['chown', 'chmod', 'link', 'exclude', 'keep-git-dir', 'checksum', 'unpack']),
    RUN: new Set(['mount', 'network', 'security'])
};
/** Instructions that produce a BuildKit vertex and so a `[stage i/n]` line. */
const COUNTED = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
const HEREDOC = /^(\d*)<<(-?)([^<]+)$/;
/** Reads a Dockerfile. Throws DockerfileError on malformed input. */
function readDockerfile(text, opts) {
    return new Reader(text, opts).read();
}
class Reader {
    opts;
    df;
    lines;
    escape;
    buildArgs;
    globals = new Map();
    declared = [];
    declaredSet = new Set();
    stageArgs = new Set();
    vertices = [];
    /** The base image whose ONBUILD trigger is being read, if one is. */
    trigger = null;
    stages = [];
    /** Stages by name; the first of a name wins, as a search from the start would find. */
    byName = new Map();
    steps = [];
    warnings = [];
    line = 1;
    /** Position among all instructions, for the legacy builder's `Step N/M`. */
    ordinal = 0;
    constructor(text, opts) {
        this.opts = opts;
        this.df = main.DockerfileParser.parse(text);
        this.lines = text.split('\n').map(l => l.replace(/\r$/, ''));
        this.escape = this.df.getEscapeCharacter();
        this.buildArgs = new Map(Object.entries(opts.buildArgs ?? {}));
    }
    read() {
        for (const ins of this.df.getInstructions())
            this.instruction(ins);
        if (this.stages.length === 0)
            this.fail('no FROM instruction');
        this.finishTotals();
        return {
            file: this.opts.file,
            stages: this.stages.map(({ name, index, base, line, total, deps, fromOrdinal, instructions }) => ({
                name,
                index,
                base,
                line,
                total,
                deps,
                fromOrdinal,
                instructions
            })),
            steps: this.steps,
            declaredArgs: this.declared,
            stageArgs: [...this.stageArgs],
            vertices: this.vertices,
            warnings: this.warnings
        };
    }
    fail(detail) {
        throw new DockerfileError(this.opts.file, this.line, detail);
    }
    expand(word, vars) {
        try {
            return expandWord(word, vars, this.escape);
        }
        catch (e) {
            if (e instanceof WordError)
                this.fail(e.message);
            throw e;
        }
    }
    instruction(ins) {
        const start = ins.getRange().start.line;
        this.line = start + 1;
        this.ordinal++;
        const keyword = ins.getKeyword();
        if (!KEYWORDS.has(keyword))
            this.fail(`unknown instruction: ${ins.getInstruction()}`);
        const logical = this.logicalLine(start);
        const rest = logical.text.slice(logical.text.search(/\s|$/)).trim();
        const stage = this.stages.at(-1);
        if (keyword === 'FROM')
            return this.from(rest);
        if (keyword === 'ARG') {
            if (stage)
                stage.instructions++;
            return this.arg(rest, stage);
        }
        if (stage === undefined)
            this.fail(`${keyword} before the first FROM`);
        this.dispatch(ins, keyword, rest, stage, start + 1, logical);
    }
    /** One instruction of a stage (its own, or an ONBUILD trigger read at the FROM's line). */
    dispatch(ins, keyword, rest, stage, line, logical) {
        stage.instructions++;
        if (keyword === 'ARG')
            return this.arg(rest, stage);
        if (COUNTED.has(keyword)) {
            stage.count++;
            if (this.trigger !== null)
                stage.triggerCount++;
        }
        const { flags, args } = keyword in FLAGS ? this.flags(keyword, rest) : { flags: [], args: rest };
        let endLine = logical ? logical.last + 1 : line;
        if (logical && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
            const heredocs = splitWords(args, this.escape).flatMap(w => heredocOf(w));
            endLine = this.heredocEnd(heredocs, logical.last) + 1;
        }
        const text = logical ? logical.text : `${keyword} ${rest}`;
        const at = { line, endLine, instruction: text };
        if (COUNTED.has(keyword))
            this.vertex(keyword, rest, stage, at);
        switch (keyword) {
            case 'ENV':
                return this.env(ins, stage);
            case 'WORKDIR':
                return this.workdir(args, stage);
            case 'RUN':
                return this.run(flags, stage, at);
            case 'COPY':
            case 'ADD':
                return this.copy(keyword, flags, args, stage, at);
        }
    }
    /**
     * The instruction's logical line as BuildKit builds it: the first line left-trimmed, then each
     * continuation with its escape (and trailing blanks) removed; comment and blank lines inside a
     * continuation are skipped. `last` is the 0-based index of its last physical line.
     */
    logicalLine(start) {
        const e = this.escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
        const cont = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
        let i = start;
        let text = '';
        let raw = this.lines[i].trimStart();
        for (;;) {
            const more = cont.test(raw);
            text += more ? raw.replace(cont, '$1') : raw;
            if (!more)
                break;
            do
                i++;
            while (i < this.lines.length && (/^\s*#/.test(this.lines[i]) || this.lines[i].trim() === ''));
            if (i >= this.lines.length)
                break;
            raw = this.lines[i];
        }
        return { text: text.trim(), last: Math.min(i, this.lines.length - 1) };
    }
    /** Last line (0-based) of the heredoc bodies that follow line `after`; fails if unterminated. */
    heredocEnd(heredocs, after) {
        let i = after;
        for (const h of heredocs) {
            for (;;) {
                i++;
                if (i >= this.lines.length)
                    this.fail(`unterminated heredoc <<${h.name}`);
                const l = h.stripTabs ? this.lines[i].replace(/^\t+/, '') : this.lines[i];
                if (l === h.name)
                    break;
            }
        }
        return i;
    }
    /** Leading `--name[=value]` words; the rest is the argument text (raw, for JSON detection). */
    flags(keyword, text) {
        const flags = [];
        let rest = text;
        while (rest.startsWith('--')) {
            const word = splitWords(rest, this.escape)[0];
            rest = rest.slice(word.length).trimStart();
            const eq = word.indexOf('=');
            const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
            if (!FLAGS[keyword]?.has(name))
                this.fail(`unknown flag: --${name}`);
            flags.push([name, eq < 0 ? 'true' : word.slice(eq + 1)]);
        }
        return { flags, args: rest };
    }
    from(rest) {
        const { args } = this.flags('FROM', rest);
        const words = splitWords(args, this.escape);
        if (words.length !== 1 && !(words.length === 3 && words[1].toLowerCase() === 'as')) {
            this.fail('FROM requires an image and an optional AS name');
        }
        const base = this.expand(words[0], this.globals);
        if (base === '')
            this.fail(`base name (${words[0]}) should not be blank`);
        const index = this.stages.length;
        let name = `stage-${index}`;
        if (words.length === 3) {
            name = words[2].toLowerCase();
            if (!/^[a-z][a-z0-9\-_.]*$/.test(name))
                this.fail(`invalid stage name: ${words[2]}`);
            if (this.byName.has(name))
                this.fail(`duplicate stage name: ${name}`);
        }
        const parent = this.byName.get(base.toLowerCase());
        // A stage built on an earlier one inherits its ENV and WORKDIR, not its ARGs.
        const env = new Map(parent?.env);
        const stageArgs = new Map();
        const deps = parent ? [parent.name] : [];
        const stage = {
            name,
            index,
            base,
            line: this.line,
            total: 0,
            deps,
            depSet: new Set(deps),
            env,
            args: stageArgs,
            vars: { get: n => env.get(n) ?? stageArgs.get(n) },
            workdir: parent?.workdir ?? '/',
            knownDirs: new Set(parent?.knownDirs ?? ['/']),
            count: parent || base === 'scratch' ? 0 : 1,
            triggerCount: 0,
            fromOrdinal: this.ordinal,
            instructions: 1
        };
        this.stages.push(stage);
        if (!this.byName.has(name))
            this.byName.set(name, stage);
        if (!parent && base !== 'scratch')
            this.triggers(stage);
    }
    /** Stage totals are the final counts; steps learn theirs once the whole file is read. */
    finishTotals() {
        for (const s of this.stages)
            s.total = s.count - s.triggerCount;
        for (const step of this.steps)
            step.total = this.stages[step.stageIndex].total;
    }
    /**
     * The texts BuildKit may print for a vertex: the instruction word upper-cased, the rest
     * expanded by its lexer over the whole text (COPY/ADD/WORKDIR: quotes removed; RUN: quotes
     * kept, unset variables kept), verified on 20.10. Expanded before the instruction runs, so
     * WORKDIR and ENV of the same line do not apply yet.
     */
    vertex(keyword, rest, stage, at) {
        const printed = [];
        try {
            const body = keyword === 'RUN'
                ? expandRaw(rest, stage.vars, this.escape)
                : expandWord(rest, stage.vars, this.escape);
            printed.push(`${keyword} ${body}`);
        }
        catch {
            // BuildKit prints the text as written when its lexer fails.
        }
        printed.push(`${keyword} ${rest}`);
        const usesArgs = [...rest.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some(m => stage.args.has(m[1] ?? '') || this.declaredSet.has(m[1] ?? ''));
        this.vertices.push({
            stage: stage.name,
            index: stage.count,
            line: at.line,
            instruction: at.instruction,
            printed: /^[A-Z]+ <<|\s<<-?["']?\w/.test(rest) ? [] : printed,
            usesArgs
        });
    }
    /**
     * The ONBUILD triggers of a local base image, read as if written right after the FROM (as
     * BuildKit runs them). A trigger that does not parse is left to the builder to refuse.
     */
    triggers(stage) {
        const list = this.opts.onBuild?.(stage.base) ?? [];
        for (const text of list) {
            const ins = main.DockerfileParser.parse(text).getInstructions()[0];
            if (ins === undefined)
                continue;
            const keyword = ins.getKeyword();
            if (!KEYWORDS.has(keyword) || ['FROM', 'ONBUILD', 'MAINTAINER'].includes(keyword))
                continue;
            const trimmed = text.trim();
            const rest = trimmed.slice(trimmed.search(/\s|$/)).trim();
            this.trigger = stage.base;
            try {
                this.dispatch(ins, keyword, rest, stage, stage.line, null);
            }
            finally {
                this.trigger = null;
            }
        }
    }
    /** `ARG a b=1`: dockerfile-ast reports only the first of several names, so words are read here. */
    arg(rest, stage) {
        const words = splitWords(rest, this.escape);
        if (words.length === 0)
            this.fail('ARG requires at least one argument');
        for (const word of words) {
            const eq = word.indexOf('=');
            const name = eq < 0 ? word : word.slice(0, eq);
            if (!isBuildArgName(name))
                this.fail(`invalid ARG name: ${name}`);
            if (!this.declaredSet.has(name)) {
                this.declaredSet.add(name);
                this.declared.push(name);
            }
            const raw = eq < 0 ? null : word.slice(eq + 1);
            const given = this.buildArgs.get(name);
            if (stage === undefined) {
                const value = given ?? (raw === null ? undefined : this.expand(raw, this.globals));
                if (value !== undefined)
                    this.globals.set(name, value);
                continue;
            }
            this.stageArgs.add(name);
            // A stage ARG without default takes the global ARG's value.
            const value = given ?? (raw === null ? this.globals.get(name) : this.expand(raw, stage.vars));
            if (value !== undefined)
                stage.args.set(name, value);
        }
    }
    /** `ENV a=1 b=$a`: every value is expanded before any is set, so `b` sees the old `a` (Docker). */
    env(ins, stage) {
        const set = ins
            .getProperties()
            .map(p => [p.getName(), this.expand(p.getUnescapedValue() ?? '', stage.vars)]);
        for (const [name, value] of set)
            stage.env.set(name, value);
    }
    workdir(args, stage) {
        const words = splitWords(args, this.escape);
        if (words.length !== 1)
            this.fail('WORKDIR requires exactly one argument');
        const dir = this.expand(words[0], stage.vars);
        stage.workdir = external_node_path_.posix.resolve(stage.workdir, dir);
        addDirs(stage.knownDirs, stage.workdir);
    }
    base(stage, at) {
        return {
            stage: stage.name,
            stageIndex: stage.index,
            index: stage.count,
            total: stage.count,
            ordinal: this.ordinal,
            line: at.line,
            endLine: at.endLine,
            instruction: at.instruction,
            workdir: stage.workdir,
            position: stage.instructions,
            ...(this.trigger !== null ? { trigger: this.trigger } : {})
        };
    }
    run(flags, stage, at) {
        const vars = stage.vars;
        for (const [name, value] of flags) {
            if (name !== 'mount')
                continue;
            const opts = new Map();
            for (const part of this.expand(value, vars).split(',')) {
                const eq = part.indexOf('=');
                opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? 'true' : part.slice(eq + 1));
            }
            if ((opts.get('type') ?? 'bind') !== 'bind')
                continue;
            const from = opts.get('from');
            if (from !== undefined) {
                this.addDep(stage, from);
                continue;
            }
            const source = opts.get('source') ?? opts.get('src') ?? '.';
            this.steps.push({
                ...this.base(stage, at),
                keyword: 'RUN',
                sources: [cleanRel(source)],
                dest: null,
                excludes: [],
                parents: false,
                flags: { mount: this.expand(value, vars) },
                destIsDir: false
            });
        }
    }
    /** Records a `--from` / `from=` dependency on an earlier stage (by name or index). */
    addDep(stage, from) {
        const ref = /^\d+$/.test(from) ? this.stages[Number(from)] : this.byName.get(from.toLowerCase());
        if (ref === undefined || ref === stage) {
            if (/^\d+$/.test(from))
                this.fail(`invalid stage index ${from}`);
            return; // an image reference, not a stage
        }
        if (!stage.depSet.has(ref.name)) {
            stage.depSet.add(ref.name);
            stage.deps.push(ref.name);
        }
    }
    copy(keyword, flagList, args, stage, at) {
        const vars = stage.vars;
        const flags = {};
        const excludes = [];
        for (const [name, value] of flagList) {
            const v = this.expand(value, vars);
            if (name === 'exclude')
                excludes.push(v);
            else
                flags[name] = v;
        }
        const words = this.copyArgs(args, vars);
        if (words.length < 2)
            this.fail(`${keyword} requires at least two arguments`);
        const dest = words[words.length - 1];
        const srcWords = words.slice(0, -1);
        // Several sources need a directory destination ending in `/` only with the legacy builder,
        // which says so itself; BuildKit builds `COPY a b .` (verified on 20.10).
        const destAbs = external_node_path_.posix.resolve(stage.workdir, dest);
        const destIsDir = dest.endsWith('/') || dest === '.' || dest === '' || stage.knownDirs.has(destAbs);
        if (destIsDir || srcWords.length > 1)
            addDirs(stage.knownDirs, destAbs);
        else
            addDirs(stage.knownDirs, external_node_path_.posix.dirname(destAbs));
        if (flags.from !== undefined) {
            this.addDep(stage, flags.from);
            return;
        }
        const parents = flags.parents !== undefined && flags.parents !== 'false';
        delete flags.parents;
        const sources = [];
        for (const src of srcWords) {
            if (heredocOf(src).length > 0)
                continue; // inline content, not from the context
            if (keyword === 'ADD' && isGitRef(src)) {
                this.warnings.push({
                    line: at.line,
                    message: `ADD of a git repository (${src}) cannot be hashed`
                });
            }
            else if (keyword === 'ADD' && /^https?:\/\//i.test(src)) {
                this.warnings.push({ line: at.line, message: `ADD of a URL (${src}) cannot be hashed` });
            }
            else {
                if (keyword === 'ADD' && isArchiveName(src)) {
                    this.warnings.push({
                        line: at.line,
                        message: `ADD unpacks local archives (${src}): its files cannot be located in the layer`
                    });
                }
                sources.push(cleanSource(src, parents));
            }
        }
        if (sources.length > 0) {
            this.steps.push({
                ...this.base(stage, at),
                keyword,
                sources,
                dest,
                excludes,
                parents,
                flags,
                destIsDir
            });
        }
        if (destIsDir || srcWords.length > 1)
            addDirs(stage.knownDirs, destAbs);
        else
            addDirs(stage.knownDirs, external_node_path_.posix.dirname(destAbs));
    }
    /** Arguments of COPY/ADD, JSON form or shell form, expanded. */
    copyArgs(args, vars) {
        if (args.startsWith('[')) {
            let parsed;
            try {
                parsed = JSON.parse(args);
            }
            catch {
                parsed = undefined;
            }
            if (Array.isArray(parsed) && parsed.every(w => typeof w === 'string')) {
                return parsed.map((w) => this.expand(w, vars));
            }
        }
        return splitWords(args, this.escape).map(w => heredocOf(w).length > 0 ? w : this.expand(w, vars));
    }
}
function heredocOf(word) {
    const m = HEREDOC.exec(word);
    if (!m)
        return [];
    return [{ name: m[3].replace(/^(["'])(.*)\1$/, '$2'), stripTabs: m[2] === '-' }];
}
/** BuildKit's git transports: git://, git@, github.com/, and http(s) URLs of a `.git` repo. */
function isGitRef(src) {
    return /^(git:\/\/|git@|github\.com\/)/i.test(src) || /^https?:\/\/.*\.git(#|$|\/)/i.test(src);
}
function isArchiveName(src) {
    return /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i.test(src);
}
/**
 * Cleans a source to a context-relative pattern. With --parents a `/./` pivot is kept (the part
 * before it is not reproduced under dest).
 */
function cleanSource(src, parents) {
    const pivot = parents ? src.indexOf('/./') : -1;
    if (pivot > 0) {
        const head = cleanRel(src.slice(0, pivot));
        const tail = cleanRel(src.slice(pivot + 3));
        return head === '.' ? tail : `${head}/./${tail}`;
    }
    return cleanRel(src);
}
function addDirs(set, dir) {
    for (let d = dir;; d = external_node_path_.posix.dirname(d)) {
        set.add(d);
        if (d === '/' || d === '.')
            break;
    }
}
/**
 * Stages the build of `target` (default: the last stage) needs: itself and, transitively, the
 * stages it builds on (FROM), copies from (COPY --from) and mounts (RUN --mount from=). BuildKit
 * runs only these, so other stages' steps never appear in the log.
 */
function neededStages(plan, target) {
    const byName = new Map(plan.stages.map(s => [s.name, s]));
    const start = target === undefined ? plan.stages.at(-1) : byName.get(target.toLowerCase());
    if (start === undefined) {
        throw new Error(`target stage ${target ?? '(last)'} could not be found`);
    }
    const needed = new Set();
    const queue = [start];
    for (let s = queue.pop(); s !== undefined; s = queue.pop()) {
        if (needed.has(s.name))
            continue;
        needed.add(s.name);
        // Without recorded deps (a plan from elsewhere), the FROM chain is all that is known.
        const deps = s.deps ?? (byName.has(s.base.toLowerCase()) ? [s.base.toLowerCase()] : []);
        for (const d of deps) {
            const dep = byName.get(d);
            if (dep)
                queue.push(dep);
        }
    }
    return needed;
}

;// CONCATENATED MODULE: ./src/dockerfile/select.ts



function sourceSpec(source) {
    const i = source.indexOf('/./');
    if (i < 0)
        return { pattern: cleanRel(source), pivot: '' };
    const pivot = cleanRel(source.slice(0, i));
    return { pattern: cleanRel(`${pivot}/${source.slice(i + 3)}`), pivot: pivot === '.' ? '' : pivot };
}
function under(path, root) {
    return root === '.' || path === root || path.startsWith(`${root}/`);
}
/** `path` relative to `root` (a file source: its own name). */
function relTo(path, root) {
    if (root === '.')
        return path;
    if (path === root)
        return external_node_path_.posix.basename(path);
    return path.slice(root.length + 1);
}
/** The first `n` segments of a path, or null when it has fewer. */
function head(path, n) {
    const parts = path.split('/');
    return parts.length < n ? null : parts.slice(0, n).join('/');
}
/**
 * Resolves symlinks along a context path, scoped to the context root as BuildKit scopes them
 * (an absolute target is read from the context root). Returns null on a loop.
 */
function resolveLinks(path, byPath) {
    let parts = path === '.' ? [] : path.split('/');
    for (let hops = 0, i = 0; i < parts.length; i++) {
        const prefix = parts.slice(0, i + 1).join('/');
        const e = byPath.get(prefix);
        if (e?.type !== 'symlink' || e.linkTarget === undefined)
            continue;
        if (++hops > 255)
            return null;
        const base = e.linkTarget.startsWith('/') ? '' : parts.slice(0, i).join('/');
        const target = cleanRel(`${base}/${e.linkTarget}`);
        parts = [...(target === '.' ? [] : target.split('/')), ...parts.slice(i + 1)];
        i = -1;
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
/** The context entries a COPY/ADD/RUN-bind step reads, in input order. */
function selectSources(step, entries) {
    const byPath = new Map(entries.map(e => [e.path, e]));
    const rules = compileExcludes(step.excludes);
    const chosen = new Set();
    /** Adds the entries `rootOf` places under a source root, unless excluded. */
    const take = (rootOf) => {
        for (const e of entries) {
            const r = rootOf(e);
            if (r !== null && !isExcluded(rules, relTo(e.path, r)))
                chosen.add(e.path);
        }
    };
    for (const source of step.sources) {
        const { pattern } = sourceSpec(source);
        if (hasWildcard(pattern)) {
            const n = pattern.split('/').length;
            take(e => {
                const h = head(e.path, n);
                return h !== null && goMatch(pattern, h) ? h : null;
            });
            continue;
        }
        take(e => (under(e.path, pattern) ? pattern : null));
        const resolved = resolveLinks(pattern, byPath);
        if (resolved !== null && resolved !== pattern) {
            // The link entries on the way are part of what the step reads.
            for (let p = pattern; p !== '.'; p = external_node_path_.posix.dirname(p))
                if (byPath.get(p)?.type === 'symlink')
                    chosen.add(p);
            take(e => (under(e.path, resolved) ? resolved : null));
        }
    }
    return entries.filter(e => chosen.has(e.path));
}
/** Every context step with its source hash and selected file/symlink paths. */
function hashSteps(plan, entries) {
    return plan.steps.map(step => {
        const sel = selectSources(step, entries);
        return {
            ...step,
            sourceHash: (0,hash/* hashEntries */.fG)(sel),
            selected: sel
                .filter(e => e.type !== 'dir')
                .map(e => e.path)
                .sort(hash/* compareBytes */.Xo)
        };
    });
}
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i;
/**
 * Where a selected context file lands in the image, as a layer-tar path (no leading `/`), or null
 * when the step puts nothing there (RUN mounts, excluded paths, archives ADD unpacks, paths the
 * step does not select). Docker's rules: dest is relative to WORKDIR; a directory source copies
 * its contents into dest; a file goes to dest, or dest/<name> when dest is a directory (ends in
 * `/`, is `.`, several sources, a wildcard, or a directory the reader knows exists); a directory
 * matched by a wildcard has its contents copied into dest; --parents keeps the path from the
 * context root (or from a `/./` pivot).
 */
function destinationFor(step, contextPath) {
    if (step.keyword === 'RUN' || step.dest === null)
        return null;
    const dest = step.dest;
    const destAbs = external_node_path_.posix.resolve(step.workdir, dest);
    const rules = compileExcludes(step.excludes);
    const path = cleanRel(contextPath);
    const dirDest = dest.endsWith('/') ||
        dest === '.' ||
        dest === '' ||
        step.sources.length > 1 ||
        step.destIsDir === true;
    const out = (p) => p.replace(/^\/+/, '') || null;
    for (const source of step.sources) {
        const { pattern, pivot } = sourceSpec(source);
        let root = null;
        if (hasWildcard(pattern)) {
            const h = head(path, pattern.split('/').length);
            if (h !== null && goMatch(pattern, h))
                root = h;
        }
        else if (under(path, pattern)) {
            root = pattern;
        }
        if (root === null || isExcluded(rules, relTo(path, root)))
            continue;
        if (step.keyword === 'ADD' && ARCHIVE.test(root))
            return null;
        if (step.parents)
            return out(external_node_path_.posix.join(destAbs, pivot === '' ? path : path.slice(pivot.length + 1)));
        if (root === '.')
            return out(external_node_path_.posix.join(destAbs, path));
        if (path !== root)
            return out(external_node_path_.posix.join(destAbs, path.slice(root.length + 1)));
        return out(dirDest || hasWildcard(pattern) ? external_node_path_.posix.join(destAbs, external_node_path_.posix.basename(path)) : destAbs);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/dockerfile/index.ts
/** The Dockerfile stage of the pipeline: which steps read the context, what they read, where it lands. */



;// CONCATENATED MODULE: ./src/verdict/sources.ts


/**
 * Literal sources that select nothing in the context: BuildKit fails the step (`not found`),
 * while a wildcard that matches nothing is allowed (verified on 20.10). The step's hash is then
 * the empty digest; saying so before any prune spares a prune for a build that cannot succeed.
 */
function unmatchedSources(steps, entries) {
    const out = [];
    for (const step of steps) {
        for (const source of step.sources) {
            if (hasWildcard(source) || source === '.')
                continue;
            if (selectSources({ ...step, sources: [source], excludes: [] }, entries).length === 0) {
                out.push({ step, source });
            }
        }
    }
    return out;
}
/** The warning line for an unmatched source. */
function unmatchedMessage(u, excluded) {
    return `line ${u.step.line}: ${u.step.instruction}: no context file matches ${u.source}${excluded ? ' (.dockerignore excludes it)' : ''}, so the build will fail`;
}

;// CONCATENATED MODULE: ./src/docker/builder.ts
/**
 * Which builder will run `docker build` on this host, and which daemon it talks to.
 * The kind decides the build argv, what a prune can reach and how the log looks.
 */

/** Major.minor of a version like `20.10.24+dfsg1`, `v0.12.1`, `28.2.2`; null if unparsable. */
function parseVersion(v) {
    const m = /(\d+)\.(\d+)/.exec(v ?? '');
    return m ? [Number(m[1]), Number(m[2])] : null;
}
function atLeast(v, major, minor) {
    return v[0] > major || (v[0] === major && v[1] >= minor);
}
function envFlag(value) {
    if (value === undefined || value === '')
        return null;
    return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}
/** Pure decision from the facts. */
function classifyBuilder(facts) {
    const warnings = [];
    const flag = envFlag(facts.dockerBuildkit);
    const client = parseVersion(facts.clientVersion);
    const server = parseVersion(facts.serverVersion);
    if (flag === false) {
        return { kind: 'legacy', reason: 'DOCKER_BUILDKIT=0 selects the legacy builder', warnings };
    }
    if (facts.serverOs === 'windows') {
        return { kind: 'legacy', reason: 'the Windows daemon has no BuildKit', warnings };
    }
    if (server && !atLeast(server, 18, 9)) {
        return {
            kind: 'legacy',
            reason: `daemon ${facts.serverVersion} predates BuildKit (18.09)`,
            warnings
        };
    }
    if (facts.buildxVersion !== null) {
        return { kind: 'buildx', reason: `buildx plugin present (${facts.buildxVersion})`, warnings };
    }
    if (client && atLeast(client, 23, 0)) {
        if (flag === true) {
            warnings.push(`DOCKER_BUILDKIT=1 makes docker ${facts.clientVersion} fail without buildx; building with the legacy builder instead`);
        }
        warnings.push(`docker client ${facts.clientVersion} has no buildx plugin: it falls back to the legacy builder, whose cache lives in images (builder prune does not reach it)`);
        return { kind: 'legacy', reason: `client ${facts.clientVersion} without buildx`, warnings };
    }
    return {
        kind: 'buildkit',
        reason: `client ${facts.clientVersion ?? 'unknown'} builds with BuildKit under DOCKER_BUILDKIT=1`,
        warnings
    };
}
/** Parses `docker version --format '{{json .}}'` (Server is null when the daemon is down). */
function parseVersionJson(text) {
    let v = {};
    const line = text.split('\n').find(l => l.trim().startsWith('{'));
    if (line) {
        try {
            v = JSON.parse(line);
        }
        catch {
            v = {};
        }
    }
    return {
        clientVersion: v.Client?.Version ?? null,
        serverVersion: v.Server?.Version ?? null,
        serverOs: v.Server?.Os ?? null,
        context: v.Client?.Context ?? null
    };
}
/**
 * Asks the client and daemon. Throws a DockerError when the daemon cannot be reached, naming the
 * host it tried (docker's own message says which).
 */
async function detectBuilder(exec, env = process.env) {
    const ver = await exec(['version', '--format', '{{json .}}']);
    const parsed = parseVersionJson(ver.stdout);
    if (ver.code !== 0 || parsed.serverVersion === null) {
        const where = env.DOCKER_HOST ? ` (DOCKER_HOST=${env.DOCKER_HOST})` : '';
        throw new docker_exec/* DockerError */.Bi(`Docker daemon unreachable${where}: ${(0,docker_exec/* lastErrorLine */.HY)(ver)}`, ver.code);
    }
    const bx = await exec(['buildx', 'version']);
    const buildxVersion = bx.code === 0 ? bx.stdout.trim().split('\n')[0] || 'buildx' : null;
    const choice = classifyBuilder({ ...parsed, buildxVersion, dockerBuildkit: env.DOCKER_BUILDKIT });
    return {
        ...choice,
        ...parsed,
        buildxVersion,
        dockerHost: env.DOCKER_HOST || null,
        context: env.DOCKER_CONTEXT || parsed.context
    };
}

;// CONCATENATED MODULE: ./src/docker/build.ts
/**
 * `docker build` for each builder kind: a pure argv builder, and a thin runner that streams
 * the log live while keeping all of it in a file (logs can be far larger than memory allows).
 */





/** Pure: the exact argv (without the docker binary) and env for a build. */
function buildCommand(kind, opts) {
    const argv = kind === 'buildx' ? ['buildx', 'build', '--load'] : ['build'];
    if (kind !== 'legacy')
        argv.push(`--progress=${opts.progress ?? 'plain'}`);
    if (opts.file !== undefined)
        argv.push('--file', opts.file);
    for (const t of opts.tags)
        argv.push('--tag', t);
    for (const [k, v] of Object.entries(opts.buildArgs))
        argv.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of Object.entries(opts.labels))
        argv.push('--label', `${k}=${v}`);
    for (const c of opts.cacheFrom)
        argv.push('--cache-from', c);
    if (opts.target !== undefined)
        argv.push('--target', opts.target);
    if (opts.noCache)
        argv.push('--no-cache');
    if (opts.iidFile !== undefined)
        argv.push('--iidfile', opts.iidFile);
    argv.push(opts.context);
    // Pin the builder explicitly: an inherited DOCKER_BUILDKIT must not switch it under us.
    const env = kind === 'buildkit'
        ? { DOCKER_BUILDKIT: '1' }
        : kind === 'legacy'
            ? { DOCKER_BUILDKIT: '0' }
            : {};
    return { argv, env };
}
/** The image id a build log names at its end (BuildKit `writing image`, legacy `Successfully built`). */
function imageIdFromLog(text) {
    const bk = [...text.matchAll(/writing image (sha256:[0-9a-f]{64})/g)].pop();
    if (bk)
        return bk[1];
    const legacy = [...text.matchAll(/^Successfully built ([0-9a-f]{12,64})\s*$/gm)].pop();
    return legacy ? legacy[1] : null;
}
/**
 * Runs the build, streaming lines to `onLine` (and to `logPath` when given). The temp directory
 * for the image id file is always removed: builds must leave nothing behind.
 */
async function runBuild(exec, kind, opts, run = {}) {
    const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'fb-build-'));
    try {
        const iidFile = opts.iidFile ?? (0,external_node_path_.join)(dir, 'iid');
        // BuildKit keys the context-sync record (source.local) on the context argument as typed: every
        // `docker build .` on a host shares one record, whatever the directory (measured on 20.10), so
        // a same-size, same-mtime file of another project can be served. An absolute path isolates it.
        const context = (0,external_node_path_.isAbsolute)(opts.context) || /^[a-z]+:\/\/|^-$/.test(opts.context)
            ? opts.context
            : (0,external_node_path_.resolve)(opts.context);
        const cmd = buildCommand(kind, { ...opts, context, iidFile });
        let logError = null;
        const log = run.logPath ? (0,external_node_fs_namespaceObject.createWriteStream)(run.logPath, { mode: 0o600 }) : null;
        // A failing log file (ENOSPC, EACCES) must not crash the process or stop the build.
        log?.on('error', e => {
            logError ??= e.message;
        });
        const result = await exec(cmd.argv, {
            env: cmd.env,
            signal: run.signal,
            // Only the tail is held in memory, for the error line and the image id fallback.
            maxCapture: 256 * 1024,
            onLine: (line, stream) => {
                if (log && logError === null)
                    log.write(line + '\n');
                run.onLine?.(line, stream);
            }
        });
        if (log)
            await new Promise(done => log.end(() => done()));
        let imageId = null;
        if (result.code === 0) {
            imageId = (await (0,promises_.readFile)(iidFile, 'utf8').catch(() => '')).trim() || null;
            imageId ??= imageIdFromLog(result.stdout + '\n' + result.stderr);
        }
        return {
            code: result.code,
            logPath: run.logPath && logError === null ? run.logPath : null,
            logError,
            imageId,
            error: result.code === 0 ? null : (0,docker_exec/* lastErrorLine */.HY)(result)
        };
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __nccwpck_require__(6118);
;// CONCATENATED MODULE: ./src/docker/save.ts
/**
 * Streams `docker save <ref>` through a tar parser, one entry at a time, without writing it to
 * disk or holding it in memory. A visitor may stop the walk early (the process is then killed).
 */


/**
 * A tar parser fed chunk by chunk (so the feeder can hash the same bytes), handing entries
 * to `onEntry` one at a time. A malformed stream ends the walk with `failed` set, not a throw.
 */
class TarWalker {
    extract = tar_stream.extract();
    done;
    failed = null;
    constructor(onEntry) {
        this.done = (async () => {
            try {
                for await (const entry of this.extract) {
                    await onEntry(entry.header, entry);
                    // tar-stream's iterator never settles once destroyed mid-entry: leave by hand.
                    if (this.extract.destroyed)
                        break;
                    entry.resume();
                }
            }
            catch (e) {
                this.failed = e instanceof Error ? e : new Error(String(e));
            }
        })();
    }
    get stopped() {
        return this.failed !== null || this.extract.destroyed;
    }
    async write(chunk) {
        if (this.stopped)
            return;
        if (this.extract.write(chunk))
            return;
        await new Promise(resolve => {
            const finish = () => {
                this.extract.off('drain', finish);
                this.extract.off('close', finish);
                resolve();
            };
            this.extract.on('drain', finish);
            this.extract.on('close', finish);
        });
    }
    /** Ends the input and waits for the last entry; returns the parse error, if any. */
    async end() {
        if (!this.stopped)
            this.extract.end(null);
        await this.done;
        return this.failed;
    }
    /** Stops parsing; later writes are ignored. */
    stop() {
        this.extract.destroy(null);
    }
}
/**
 * Visits every entry of `docker save <ref>` in stream order. Throws a DockerError when the save
 * fails (unknown image, daemon gone) unless the visitor stopped the walk first.
 */
async function walkImageSave(exec, ref, visit) {
    const abort = new AbortController();
    let stoppedByVisitor = false;
    const walker = new TarWalker(async (header, body) => {
        if (stoppedByVisitor)
            return;
        const name = header.name.replace(/^\.\//, '');
        if (await visit(name, header.size ?? 0, body)) {
            stoppedByVisitor = true;
            walker.stop();
            abort.abort();
        }
    });
    const args = ['save', ref];
    const result = await exec(args, {
        signal: abort.signal,
        maxCapture: 64 * 1024,
        onStdout: chunk => walker.write(chunk)
    });
    const parseError = await walker.end();
    if (stoppedByVisitor)
        return;
    if (result.code !== 0)
        throw (0,docker_exec/* commandError */.yE)(args, result);
    if (parseError)
        throw new docker_exec/* DockerError */.Bi(`docker save ${ref}: unreadable output: ${parseError.message}`);
}

;// CONCATENATED MODULE: ./src/docker/image.ts
/**
 * What an image is made of: id, labels, layer diffIds and the history that says which
 * instruction wrote which layer.
 *
 * Measured on Docker 20.10 (BuildKit and the legacy builder of a 28.x client):
 * - `docker image inspect` has no history; the image config (inside `docker save`) has it with
 *   `empty_layer` flags. `docker history` has the entries but no flags, only sizes.
 * - Every instruction after FROM writes exactly one history entry, with both builders, and a
 *   stage built FROM an earlier stage continues that stage's history. So instruction `i` of a
 *   stage (FROM = 1) is entry `baseHistoryLength + i - 2`.
 * - BuildKit: COPY, ADD, RUN and WORKDIR always write a layer (WORKDIR an empty one when the dir
 *   exists); every other instruction is an empty_layer entry.
 * - Legacy: COPY/ADD always write a layer; RUN and WORKDIR only when they changed something (an
 *   unchanged `RUN true` or a repeated WORKDIR is empty_layer). `docker history` shows both as
 *   0B, so those need the config (read from `docker save`) when the count does not settle it.
 */



/** Parses `docker image inspect --format '{{json .}}'` (or the array form). */
function parseImageInspect(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        throw new docker_exec/* DockerError */.Bi('docker image inspect: unreadable output');
    }
    const img = Array.isArray(v) ? v[0] : v;
    if (!img?.Id)
        throw new docker_exec/* DockerError */.Bi('docker image inspect: no image id in output');
    return {
        id: img.Id,
        labels: img.Config?.Labels ?? {},
        created: img.Created ?? '',
        diffIds: img.RootFS?.Layers ?? [],
        graphDriver: graphDriverOf(img.GraphDriver)
    };
}
function graphDriverOf(gd) {
    if (!gd || typeof gd.Name !== 'string')
        return null;
    const data = {};
    if (typeof gd.Data === 'object' && gd.Data !== null) {
        for (const [k, v] of Object.entries(gd.Data))
            if (typeof v === 'string')
                data[k] = v;
    }
    return { name: gd.Name, data };
}
/** Parses `docker history` JSON lines (newest first) into oldest-first entries. */
function parseHistoryLines(text) {
    const out = [];
    for (const line of text.split('\n')) {
        if (!line.trim().startsWith('{'))
            continue;
        const v = JSON.parse(line);
        out.push({
            createdBy: v.CreatedBy ?? '',
            comment: v.Comment ?? '',
            size: parseHumanSize(v.Size ?? '')
        });
    }
    return out.reverse();
}
/** The Dockerfile keyword of a history entry (`COPY`, `RUN`, ...), for either builder; null if none. */
function historyKeyword(createdBy) {
    const nop = /#\(nop\)\s+([A-Z]+)\b/.exec(createdBy);
    if (nop)
        return nop[1];
    if (createdBy.endsWith(' # buildkit') || /^[A-Z]+\s/.test(createdBy)) {
        const m = /^([A-Z]+)\b/.exec(createdBy);
        if (m)
            return m[1];
    }
    // Legacy RUN entries are the bare command: `/bin/sh -c ...` or `|1 A=b /bin/sh -c ...`.
    if (/^(\|\d+ .*)?\/bin\/sh -c /.test(createdBy) || createdBy.startsWith('|'))
        return 'RUN';
    return null;
}
function guess(raw) {
    const kw = historyKeyword(raw.createdBy);
    const sized = raw.size !== null && raw.size > 0 ? 'layer' : 'unknown';
    if (raw.comment === 'buildkit.dockerfile.v0' && kw !== null) {
        return ['COPY', 'ADD', 'RUN', 'WORKDIR'].includes(kw) ? 'layer' : 'empty';
    }
    if (raw.createdBy.includes('#(nop)')) {
        if (kw === 'COPY' || kw === 'ADD')
            return 'layer';
        return kw === 'WORKDIR' ? sized : 'empty';
    }
    return sized;
}
/**
 * Decides `emptyLayer` for each entry from builder rules and sizes, settling the 0-byte
 * entries that could go either way by the layer count. Null when the count does not settle it.
 */
function classifyHistory(raw, layerCount) {
    const guesses = raw.map(guess);
    const layers = guesses.filter(g => g === 'layer').length;
    const unknown = guesses.filter(g => g === 'unknown').length;
    let unknownIsLayer;
    if (layers === layerCount)
        unknownIsLayer = false;
    else if (layers + unknown === layerCount)
        unknownIsLayer = true;
    else
        return null;
    return raw.map((r, i) => ({
        createdBy: r.createdBy,
        emptyLayer: guesses[i] === 'empty' || (guesses[i] === 'unknown' && !unknownIsLayer)
    }));
}
/** History entry index of instruction `stepIndex` (FROM = 1) in a stage. */
function historyIndexForStep(baseHistoryLength, stepIndex) {
    return baseHistoryLength + stepIndex - 2;
}
/**
 * The base history length of a stage found by counting back from the end: `chainTotals` are the
 * instruction totals (FROM included) of that stage and of each stage built on it, up to the
 * image's own (last) stage. For the last stage alone: `[total]`.
 */
function stageBaseLength(historyLength, chainTotals) {
    return historyLength - chainTotals.reduce((sum, t) => sum + t - 1, 0);
}
/**
 * Index into `diffIds` of the layer that instruction `stepIndex` of a stage wrote, or null when
 * that instruction wrote no layer (or lies outside the history).
 */
function layerForStep(history, baseHistoryLength, stepIndex) {
    const h = historyIndexForStep(baseHistoryLength, stepIndex);
    if (stepIndex < 2 || h < 0 || h >= history.length || history[h].emptyLayer)
        return null;
    return history.slice(0, h).filter(e => !e.emptyLayer).length;
}
/** Parses an image config blob's history. */
function parseConfigHistory(text) {
    const c = JSON.parse(text);
    return (c.history ?? []).map(h => ({
        createdBy: h.created_by ?? '',
        emptyLayer: h.empty_layer === true
    }));
}
/**
 * Reads the image config out of `docker save` (v1 layout `<hex>.json`, OCI `blobs/sha256/<hex>`),
 * stopping the save as soon as it has passed.
 */
async function readImageConfig(exec, imageId) {
    const hex = imageId.replace(/^sha256:/, '');
    let config = null;
    await walkImageSave(exec, imageId, async (name, size, body) => {
        if (name !== `${hex}.json` && name !== `blobs/sha256/${hex}`)
            return false;
        if (size > 64 * 1024 * 1024)
            throw new docker_exec/* DockerError */.Bi(`image config of ${imageId} is implausibly large`);
        const chunks = [];
        for await (const c of body)
            chunks.push(c);
        config = Buffer.concat(chunks).toString('utf8');
        return true;
    });
    if (config === null)
        throw new docker_exec/* DockerError */.Bi(`docker save ${imageId}: no image config in output`);
    return config;
}
/** Inspects an image: cheap commands first, the config from `docker save` only when needed. */
async function inspectImage(exec, ref) {
    const info = parseImageInspect((await (0,docker_exec/* runOrThrow */.nf)(exec, ['image', 'inspect', '--format', '{{json .}}', ref])).stdout);
    const hist = await (0,docker_exec/* runOrThrow */.nf)(exec, ['history', '--no-trunc', '--format', '{{json .}}', info.id]);
    const classified = classifyHistory(parseHistoryLines(hist.stdout), info.diffIds.length);
    if (classified)
        return { ...info, history: classified, historyFromConfig: false };
    const history = parseConfigHistory(await readImageConfig(exec, info.id));
    return { ...info, history, historyFromConfig: true };
}

;// CONCATENATED MODULE: ./src/docker/layers.ts
/**
 * The byte proof: what a given layer of an image holds at given paths.
 *
 * `docker save` is streamed once. Every layer tar is hashed as it passes (its sha256 is the
 * layer's diffId, since save writes layers uncompressed) and parsed at the same time; only the
 * wanted paths are recorded and only their file bodies are hashed, so memory stays bounded by
 * the number of wanted paths. Reading the step's OWN layer means later steps that rewrite or
 * delete a file cannot hide what the COPY wrote.
 */



/** `/app/x/`, `./app/x`, `app/x` all become `app/x`. */
function normalizeLayerPath(p) {
    return p.replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
}
const sha256 = (data) => 'sha256:' + (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/** Collects the wanted paths of one layer tar, entry by entry. */
class LayerScan {
    wanted;
    found = new Map();
    whiteouts = [];
    constructor(wanted) {
        this.wanted = wanted;
    }
    covers(path) {
        for (const w of this.wanted)
            if (w === path || w.startsWith(path + '/'))
                return true;
        return false;
    }
    async onEntry(header, body) {
        const path = normalizeLayerPath(header.name);
        const slash = path.lastIndexOf('/');
        const base = path.slice(slash + 1);
        if (base.startsWith('.wh.')) {
            // `.wh..wh..opq` only hides lower content of a dir this layer recreates: nothing to record.
            if (base !== '.wh..wh..opq') {
                const target = path.slice(0, slash + 1) + base.slice(4);
                if (this.covers(target))
                    this.whiteouts.push(target);
            }
            return;
        }
        if (!this.wanted.has(path))
            return;
        const mode = (header.mode ?? 0) & 0o7777;
        switch (header.type) {
            case 'file':
            case 'contiguous-file': {
                const hash = (0,external_node_crypto_.createHash)('sha256');
                for await (const chunk of body)
                    hash.update(chunk);
                this.found.set(path, {
                    type: 'file',
                    mode,
                    size: header.size ?? 0,
                    digest: 'sha256:' + hash.digest('hex')
                });
                return;
            }
            case 'directory':
                this.found.set(path, { type: 'dir', mode });
                return;
            case 'symlink': {
                const target = header.linkname ?? '';
                this.found.set(path, { type: 'symlink', mode, linkTarget: target, digest: sha256(target) });
                return;
            }
            case 'link': {
                // A hard link's bytes sit in an earlier entry of the same layer.
                const to = normalizeLayerPath(header.linkname ?? '');
                const prior = this.found.get(to);
                this.found.set(path, {
                    type: 'file',
                    mode,
                    hardlinkTo: to,
                    digest: prior?.digest,
                    size: prior?.size
                });
                return;
            }
            default:
                this.found.set(path, { type: 'other', mode });
        }
    }
    result() {
        const out = new Map();
        for (const p of this.wanted) {
            const hit = this.found.get(p);
            if (hit)
                out.set(p, hit);
            else if (this.whiteouts.some(w => p === w || p.startsWith(w + '/')))
                out.set(p, { type: 'whiteout', mode: 0 });
            else
                out.set(p, { type: 'missing', mode: 0 });
        }
        return out;
    }
}
/** Hashes a layer tar while scanning it; the hash is the diffId of an uncompressed layer. */
async function scanLayer(body, wanted) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const scan = new LayerScan(wanted);
    const walker = new TarWalker((h, b) => scan.onEntry(h, b));
    for await (const chunk of body) {
        hash.update(chunk);
        await walker.write(chunk);
    }
    const failed = await walker.end();
    return { diffId: 'sha256:' + hash.digest('hex'), entries: failed ? null : scan.result() };
}
/** Entries of `docker save` output that may be a layer tar (v1 layout and OCI layout). */
function isLayerCandidate(name) {
    return name.endsWith('/layer.tar') || /^blobs\/sha256\/[0-9a-f]{64}$/.test(name);
}
/**
 * Reads the wanted paths of the wanted layers of `imageRef` in one `docker save` pass (stopping
 * once all were seen). Throws a DockerError when a wanted diffId is not in the image.
 */
async function readLayerEntries(exec, imageRef, wanted) {
    const byDiff = new Map();
    for (const w of wanted) {
        const set = byDiff.get(w.diffId) ?? new Set();
        for (const p of w.paths)
            set.add(normalizeLayerPath(p));
        byDiff.set(w.diffId, set);
    }
    const out = new Map();
    if (byDiff.size === 0)
        return out;
    // We learn a layer's diffId only after its last byte, so every layer is scanned for the
    // union of wanted paths and kept only if its hash is wanted.
    const union = new Set([...byDiff.values()].flatMap(s => [...s]));
    await walkImageSave(exec, imageRef, async (name, _size, body) => {
        if (!isLayerCandidate(name))
            return false;
        const { diffId, entries } = await scanLayer(body, union);
        const paths = byDiff.get(diffId);
        if (paths && entries && !out.has(diffId)) {
            out.set(diffId, new Map([...entries].filter(([p]) => paths.has(p))));
        }
        return out.size === byDiff.size;
    });
    const absent = [...byDiff.keys()].filter(d => !out.has(d));
    if (absent.length > 0) {
        throw new docker_exec/* DockerError */.Bi(`layer ${absent.join(', ')} not found in docker save ${imageRef}`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/docker/overlay.ts
/**
 * The byte proof read straight from the daemon's layer store, when it is on this host and
 * readable: only the wanted paths of the wanted layers are touched, so the cost follows the
 * bytes to prove, not the image (a 1 GB base layer is never read).
 *
 * Measured on Docker 20.10 with overlay2: `docker image inspect` names the driver and its
 * directories (`GraphDriver.Data.UpperDir` = `<data-root>/overlay2/<id>/diff`); the layer store
 * keeps, per chain ID, the layer's diffId (`image/overlay2/layerdb/sha256/<chain>/diff`) and
 * its overlay2 directory (`.../cache-id`). A layer's diff directory holds exactly what its
 * `docker save` tar holds, with whiteouts as 0:0 character devices. A layer is read here only
 * when the layer store names the very diffId the image lists at that position; anything else
 * (another driver, a remote daemon, no permission) falls back to the `docker save` stream.
 */





/** Chain IDs of a layer stack (`chain[i] = sha256(chain[i-1] + " " + diff[i])`), base first. */
function chainIds(diffIds) {
    const out = [];
    for (const d of diffIds) {
        const prev = out.at(-1);
        out.push(prev === undefined ? d : `sha256:${(0,external_node_crypto_.createHash)('sha256').update(`${prev} ${d}`).digest('hex')}`);
    }
    return out;
}
/** `<data-root>` of an overlay2 image, from its UpperDir; null for another driver or shape. */
function overlayDataRoot(gd) {
    if (!gd || gd.name !== 'overlay2')
        return null;
    const upper = gd.data.UpperDir;
    const m = typeof upper === 'string' ? /^(\/.*)\/overlay2\/[^/]+\/diff$/.exec(upper) : null;
    return m ? m[1] : null;
}
const overlay_HEX = /^sha256:[0-9a-f]{64}$/;
const CACHE_ID = /^[0-9A-Za-z]+$/;
/** The diff directory of layer `index` of an image on this host, or null when it cannot be trusted. */
async function layerDiffDir(dataRoot, diffIds, index) {
    const diffId = diffIds[index];
    const chain = chainIds(diffIds.slice(0, index + 1)).at(-1);
    if (!diffId || !chain || !overlay_HEX.test(diffId) || !overlay_HEX.test(chain))
        return null;
    const meta = (0,external_node_path_.join)(dataRoot, 'image', 'overlay2', 'layerdb', 'sha256', chain.slice(7));
    try {
        const [recorded, cacheId] = await Promise.all([
            (0,promises_.readFile)((0,external_node_path_.join)(meta, 'diff'), 'utf8'),
            (0,promises_.readFile)((0,external_node_path_.join)(meta, 'cache-id'), 'utf8')
        ]);
        if (recorded.trim() !== diffId || !CACHE_ID.test(cacheId.trim()))
            return null;
        const dir = (0,external_node_path_.join)(dataRoot, 'overlay2', cacheId.trim(), 'diff');
        return (await (0,promises_.lstat)(dir)).isDirectory() ? dir : null;
    }
    catch {
        return null;
    }
}
const isWhiteout = (st) => st.isCharacterDevice() && st.rdev === 0;
/**
 * What a diff directory holds at `path`, as the layer tar would say it. Walked component by
 * component with lstat, so a symlink inside the layer is never followed out of it.
 */
async function diffDirEntry(dir, path) {
    const parts = normalizeLayerPath(path).split('/').filter(Boolean);
    let at = dir;
    for (const [i, part] of parts.entries()) {
        at = (0,external_node_path_.join)(at, part);
        let st;
        try {
            st = await (0,promises_.lstat)(at);
        }
        catch {
            return { type: 'missing', mode: 0 };
        }
        if (isWhiteout(st))
            return { type: 'whiteout', mode: 0 };
        const last = i === parts.length - 1;
        if (!last) {
            if (!st.isDirectory())
                return { type: 'missing', mode: 0 };
            continue;
        }
        const mode = st.mode & 0o7777;
        if (st.isDirectory())
            return { type: 'dir', mode };
        if (st.isSymbolicLink()) {
            const target = await (0,promises_.readlink)(at);
            return {
                type: 'symlink',
                mode,
                linkTarget: target,
                digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(target).digest('hex')}`
            };
        }
        if (!st.isFile())
            return { type: 'other', mode };
        return { type: 'file', mode, size: st.size, digest: await digestNoFollow(at) };
    }
    return { type: 'dir', mode: 0 };
}
async function digestNoFollow(path) {
    const fh = await (0,promises_.open)(path, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NOFOLLOW);
    try {
        const h = (0,external_node_crypto_.createHash)('sha256');
        const buf = Buffer.allocUnsafe(512 * 1024);
        for (;;) {
            const { bytesRead } = await fh.read(buf, 0, buf.length, null);
            if (bytesRead === 0)
                break;
            h.update(buf.subarray(0, bytesRead));
        }
        return `sha256:${h.digest('hex')}`;
    }
    finally {
        await fh.close();
    }
}
/**
 * The wanted paths of the wanted layers: from the layer store where it vouches for the layer,
 * the rest in one `docker save` pass that stops once they have passed.
 */
async function readWantedLayers(exec, image, wanted, report) {
    const out = new Map();
    const rest = [];
    const root = overlayDataRoot(image.graphDriver);
    for (const w of wanted) {
        const index = image.diffIds.indexOf(w.diffId);
        const dir = root !== null && index >= 0 ? await layerDiffDir(root, image.diffIds, index) : null;
        if (dir === null) {
            rest.push(w);
            continue;
        }
        const entries = out.get(w.diffId) ?? new Map();
        try {
            for (const p of w.paths)
                entries.set(normalizeLayerPath(p), await diffDirEntry(dir, p));
            out.set(w.diffId, entries);
        }
        catch {
            rest.push(w); // a file removed under us (the layer deleted?): read the save stream instead
        }
    }
    const fromStore = [...out.keys()];
    if (rest.length > 0) {
        const saved = await readLayerEntries(exec, image.id, rest);
        for (const [d, m] of saved)
            out.set(d, new Map([...(out.get(d) ?? []), ...m]));
    }
    report?.({ fromStore, fromSave: [...new Set(rest.map(r => r.diffId))] });
    return out;
}

;// CONCATENATED MODULE: ./src/docker/onbuild.ts
/** Reads the triggers of each image; never throws. */
async function readOnBuild(exec, images) {
    const triggers = new Map();
    const problems = [];
    await Promise.all([...new Set(images)].map(async (image) => {
        const r = await exec([
            'image',
            'inspect',
            '--format',
            '{{json .Config.OnBuild}}',
            image
        ]).catch((e) => ({
            code: -1,
            stdout: '',
            stderr: e instanceof Error ? e.message : String(e)
        }));
        if (r.code !== 0) {
            // An image that is not local is pulled by the build: its triggers are not knowable here.
            if (!/no such (image|object)/i.test(r.stderr)) {
                problems.push(`the ONBUILD triggers of base image ${image} could not be read (${r.stderr.trim().split('\n')[0] ?? ''}): steps they add are not judged`);
            }
            return;
        }
        try {
            const list = JSON.parse(r.stdout.trim() || 'null');
            if (Array.isArray(list) && list.length > 0 && list.every(t => typeof t === 'string')) {
                triggers.set(image, list);
            }
        }
        catch {
            problems.push(`the ONBUILD triggers of base image ${image} are unreadable`);
        }
    }));
    return { triggers, problems };
}

;// CONCATENATED MODULE: ./src/docker/index.ts
/** The Docker adapter: every docker call of the pipeline goes through these modules. */












;// CONCATENATED MODULE: ./src/pipeline/hash.ts










/**
 * The ONBUILD reader of `hash`, which otherwise needs no daemon: it asks the configured one
 * (DOCKER_HOST) for local base images only, and names what it could not read.
 */
function daemonOnBuild(env) {
    return images => readOnBuild((0,docker_exec/* dockerExec */.SW)((0,docker_exec/* dockerClient */._n)({ env })), images);
}
const FILE_FAULTS = {
    ENOENT: 'not found',
    ENOTDIR: 'not found (a parent is not a directory)',
    EISDIR: 'is a directory',
    EACCES: 'is not readable (permission denied)',
    EPERM: 'is not readable (operation not permitted)',
    ELOOP: 'is a symlink loop'
};
async function readDockerfileText(file) {
    return (await readDockerfileBytes(file)).toString('utf8');
}
async function readDockerfileBytes(file) {
    try {
        return await (0,promises_.readFile)(file);
    }
    catch (e) {
        const code = e.code ?? '';
        const fault = FILE_FAULTS[code] ?? `cannot be read (${code || (0,error/* thrownMessage */.U)(e)})`;
        throw new options_UsageError(`Dockerfile ${fault}: ${file}`);
    }
}
/**
 * The context directory must exist before anything else is read: when it is missing, the
 * default Dockerfile inside it is missing too, and the message should name the real fault.
 */
async function checkContextDir(dir) {
    let st;
    try {
        st = await (0,promises_.stat)(dir);
    }
    catch (e) {
        const code = e.code ?? '';
        const fault = FILE_FAULTS[code] ?? `cannot be read (${code || (0,error/* thrownMessage */.U)(e)})`;
        throw new options_UsageError(`build context ${fault}: ${dir}`);
    }
    if (!st.isDirectory())
        throw new options_UsageError(`build context is not a directory: ${dir}`);
}
/**
 * The reader throws DockerfileError for what it rejects; a Dockerfile built to exhaust it (a
 * variable nested thousands deep overflows the recursive word lexer) must still end in one line
 * naming the file rather than a bare "Maximum call stack size exceeded".
 */
function readPlan(text, file, buildArgs, triggers) {
    try {
        return readDockerfile(text, {
            file,
            buildArgs,
            ...(triggers && triggers.size > 0 ? { onBuild: (b) => triggers.get(b) } : {})
        });
    }
    catch (e) {
        if (e?.name === 'RangeError') {
            throw new options_UsageError(`${file}: too deeply nested to read (${e.message})`);
        }
        throw e;
    }
}
/** Step 1 and 2 of the pipeline: read the context and the Dockerfile, hash both. No daemon. */
async function hashContext(opts) {
    await checkContextDir(opts.context);
    // The Dockerfile next: it is small, and a parse error should not wait for a big tree walk.
    const bytes = await readDockerfileBytes(opts.file);
    const text = bytes.toString('utf8');
    let plan = readPlan(text, opts.file, opts.buildArgs);
    let onBuildProblems = [];
    const images = imageBases(plan);
    if (opts.onBuild && images.length > 0) {
        const read = await opts.onBuild(images);
        onBuildProblems = read.problems;
        if (read.triggers.size > 0)
            plan = readPlan(text, opts.file, opts.buildArgs, read.triggers);
    }
    opts.onPlan?.(plan);
    // Opened before the walk: the cache's horizon must precede every lstat of the scan.
    const cache = opts.statCache ? await StatCache.open(opts.statCache) : null;
    let scan;
    try {
        scan = await scanContext(opts.context, {
            dockerfile: opts.file,
            ...(cache ? { digester: cache.digester() } : {})
        });
    }
    catch (e) {
        await cache?.discard();
        throw e;
    }
    const inputs = {
        dockerfile: hash_sha256(bytes),
        ignoreFile: scan.ignoreFile,
        ignore: scan.ignoreFile ? hash_sha256(await (0,promises_.readFile)(scan.ignoreFile)) : null
    };
    return {
        scan,
        plan,
        contextHash: hashInputs((0,hash/* hashEntries */.fG)(scan.entries), inputs),
        steps: hashSteps(plan, scan.entries),
        statCache: cache ? await cache.save() : null,
        inputs,
        onBuildProblems
    };
}
const hash_sha256 = (b) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(b).digest('hex')}`;
/**
 * The context hash: the entries, and the Dockerfile and ignore file, which BuildKit receives
 * through their own local sources with the same size+mtime shortcut (verified on 20.10: a
 * same-size, mtime-kept edit of a Dockerfile outside the context built the old one until
 * `docker builder prune --filter type=source.local`). A change to either diverges from the
 * record, so the default policy prunes what would serve the old copy.
 */
function hashInputs(entriesHash, inputs) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    h.update(`context ${entriesHash}
dockerfile ${inputs.dockerfile}
ignore ${inputs.ignore ?? '-'}
`);
    return `sha256:${h.digest('hex')}`;
}
/** Base images of stages that are images (not scratch, not an earlier stage). */
function imageBases(plan) {
    const names = new Set();
    const out = [];
    for (const s of plan.stages) {
        const base = s.base.toLowerCase();
        if (base !== 'scratch' && !names.has(base) && !s.deps.includes(base))
            out.push(s.base);
        names.add(s.name);
    }
    return [...new Set(out)];
}
/** `hash --json` as CONTRACT.md specifies it. */
function hashReport(h) {
    return {
        contextHash: h.contextHash,
        files: h.scan.entries.map(e => ({
            path: e.path,
            type: e.type,
            mode: (0,hash/* formatMode */.VQ)(e.mode),
            digest: e.digest ?? null,
            ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {})
        })),
        steps: h.steps.map(s => ({
            stage: s.stage,
            index: s.index,
            instruction: s.instruction,
            line: s.line,
            sourceHash: s.sourceHash,
            sources: s.selected,
            ...(s.trigger !== undefined ? { onbuildOf: s.trigger } : {})
        })),
        warnings: [
            ...h.plan.warnings.map(w => `line ${w.line}: ${w.message}`),
            ...h.onBuildProblems,
            // A step whose literal source matches nothing has the empty digest: the build will fail.
            ...unmatchedSources(h.steps, h.scan.entries).map(u => unmatchedMessage(u, false))
        ]
    };
}

// EXTERNAL MODULE: ./src/record/index.ts + 7 modules
var record = __nccwpck_require__(2847);
;// CONCATENATED MODULE: ./src/pipeline/stages/prepare.ts





/** Stage 1: identity, build args, where the record and stat cache live. No file is read yet. */
async function prepare(command, opts, service, io) {
    const redact = (0,text_safety/* redactor */.$p)(secretArgValues(opts));
    const identity = await resolveIdentity(opts, io.env);
    const statePath = opts.state ??
        (0,record/* defaultStatePath */.K0)({
            context: opts.context,
            file: opts.file,
            target: opts.target ?? undefined,
            env: io.env
        });
    const recordInContext = (0,record/* stateInsideContext */.fB)(statePath, opts.context, io.cwd);
    return {
        command,
        opts,
        service,
        io,
        say: line => io.progress(redact(line)),
        redact,
        identity,
        buildArgs: command === 'build' ? injectIdentity(opts.buildArgs, identity) : opts.buildArgs,
        statePath,
        recordInContext,
        // Beside the record; not when the record sits inside the context (the cache would be hashed).
        statCache: opts.statCache === false || recordInContext ? null : statCachePathFor(statePath),
        docker: lazyDocker(opts, io),
        warnings: []
    };
}
/** The injected exec, else the configured client, made on first use. */
function lazyDocker(opts, io) {
    let exec = io.exec;
    return () => (exec ??= (0,docker_exec/* dockerExec */.SW)((0,docker_exec/* dockerClient */._n)({ dockerPath: opts.docker, env: io.env })));
}
async function resolveIdentity(opts, env) {
    let commit = opts.commit ?? env.GITHUB_SHA ?? null;
    if (commit === null) {
        const git = await (0,docker_exec/* run */.eF)('git', ['-C', opts.context, 'rev-parse', 'HEAD'], { env }).catch(() => null);
        commit = git && git.code === 0 ? git.stdout.trim() || null : null;
    }
    const buildId = opts.buildId ??
        (env.GITHUB_RUN_ID
            ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT ?? '1'}`
            : new Date().toISOString().replace(/[-:.]/g, ''));
    return { commit, buildId };
}
/** GIT_COMMIT_HASH and BUILD_ID, unless the user set them. */
function injectIdentity(args, id) {
    const out = { ...args };
    if (!('GIT_COMMIT_HASH' in out) && id.commit)
        out.GIT_COMMIT_HASH = id.commit;
    if (!('BUILD_ID' in out))
        out.BUILD_ID = id.buildId;
    return out;
}

;// CONCATENATED MODULE: ./src/docker/buildcache.ts
const BUILD_CACHE_ARGV = ['system', 'df', '-v', '--format', '{{json .BuildCache}}'];
/**
 * The `source.local` records of a `{{json .BuildCache}}` listing, sorted by ID. Throws on output
 * that is not the array of records the 20.10 client prints (an empty cache prints `[]`).
 */
function parseLocalSources(text) {
    const value = JSON.parse(text.trim() || 'null');
    if (value === null)
        return [];
    if (!Array.isArray(value))
        throw new Error('build cache listing is not an array');
    const out = [];
    for (const r of value) {
        if (typeof r !== 'object' || r === null)
            throw new Error('build cache record is not an object');
        const o = r;
        // The CLI's template prints these fields as strings; the raw API as numbers and strings.
        const type = o.CacheType ?? o.Type;
        if (type !== 'source.local')
            continue;
        const usage = Number(o.UsageCount);
        const { ID: id, Description: description, LastUsedAt: lastUsed } = o;
        if (typeof id !== 'string' || id === '' || !Number.isSafeInteger(usage)) {
            throw new Error('build cache record without an ID or a usage count');
        }
        out.push({
            id,
            description: typeof description === 'string' ? description : '',
            usage,
            lastUsed: typeof lastUsed === 'string' ? lastUsed : String(lastUsed ?? '')
        });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/** The daemon's `source.local` records, or the reason they cannot be listed. */
async function listLocalSources(exec) {
    try {
        const r = await exec(BUILD_CACHE_ARGV, { maxCapture: 8 * 1024 * 1024 });
        if (r.code !== 0 || r.truncated) {
            return {
                error: `docker system df failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}`
            };
        }
        return { sources: parseLocalSources(r.stdout) };
    }
    catch (e) {
        return { error: `docker system df: ${e instanceof Error ? e.message : String(e)}` };
    }
}
/** Same record, unused since: same ID, usage count and last-used time. */
function sameUse(a, b) {
    return a.id === b.id && a.usage === b.usage && a.lastUsed === b.lastUsed;
}
/** Records in `after` that are new or were used since `before`: what a build in between touched. */
function usedBetween(before, after) {
    const old = new Map(before.map(s => [s.id, s]));
    return after.filter(s => {
        const was = old.get(s.id);
        return was === undefined || !sameUse(was, s);
    });
}

;// CONCATENATED MODULE: ./src/pipeline/cure.ts
/**
 * The cure for stale context bytes: re-send what changed instead of pruning the whole context.
 *
 * BuildKit's client re-sends a context file only when its size, mtime, mode, owner (or link
 * target) differ from the copy the builder keeps in its `source.local` record. When that copy is
 * the bytes of the guard's record, the only files that can be stale are the ones whose bytes
 * changed since the record; giving just those a new mtime makes the client re-send exactly them.
 * Whether the builder's copy IS the record's bytes is checked, not assumed: after each build the
 * guard keeps, beside the record, the `source.local` records its build used (ID, usage count,
 * last-used time); any other build that synced into them since moves those numbers, and then the
 * whole record is pruned as before. docs/resend-cure.md has the argument and the experiment.
 */







/** Where the stamp of a record lives: beside it, like the stat cache. */
function builderStampPath(recordPath) {
    return `${recordPath}.builder-state`;
}
function recordBinding(r) {
    return `${r.contextHash} ${r.builtAt}`;
}
/** The stamp at `path`, or null when it is missing or unusable (then the record cannot vouch). */
async function readStamp(path) {
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return null;
    }
    if (typeof value !== 'object' || value === null)
        return null;
    const v = value;
    if (v.version !== 1 || typeof v.record !== 'string' || !Array.isArray(v.sources))
        return null;
    const controls = v.controls;
    if (typeof controls !== 'object' || controls === null || Array.isArray(controls))
        return null;
    if (!Object.values(controls).every(d => typeof d === 'string'))
        return null;
    const sources = v.sources;
    const ok = sources.every(s => {
        const o = s;
        return (typeof o === 'object' &&
            o !== null &&
            typeof o.id === 'string' &&
            typeof o.description === 'string' &&
            typeof o.lastUsed === 'string' &&
            Number.isSafeInteger(o.usage));
    });
    if (!ok)
        return null;
    return {
        version: 1,
        record: v.record,
        controls: controls,
        sources: sources
    };
}
/** Replaces the stamp (temp file and rename; a torn file fails to parse and counts as none). */
async function writeStamp(path, stamp) {
    const tmp = `${path}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    try {
        await (0,promises_.writeFile)(tmp, `${JSON.stringify(stamp)}\n`, { mode: 0o644, flag: 'wx' });
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true });
        throw e;
    }
}
async function removeStamp(path) {
    await (0,promises_.rm)(path, { force: true });
}
/** sha256 of the Dockerfile and of the ignore file BuildKit will read, by absolute path. */
async function controlDigests(context, dockerfile) {
    const out = {};
    const files = [(0,external_node_path_.resolve)(dockerfile), await findIgnoreFile(context, dockerfile)];
    for (const file of files) {
        if (file === null)
            continue;
        const bytes = await (0,promises_.readFile)(file).catch(() => null);
        if (bytes !== null)
            out[file] = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    }
    return out;
}
/**
 * Pure: may this build re-send only the changed files? Only with the default `source` policy on
 * the daemon's own BuildKit (whose records `docker system df` lists; a buildx builder may be a
 * container with records of its own), with a record, a stamp written with that very record, and
 * every record the stamped build used unused since.
 */
function chooseCure(input) {
    const prune = (reason, usedOutside = false) => ({
        action: 'fallback',
        reason,
        usedOutside
    });
    if (input.policy !== 'source')
        return prune(`policy ${input.policy}`);
    if (input.kind !== 'buildkit')
        return prune(`the ${input.kind} builder's records are not listed`);
    if (input.previous === null)
        return prune('no record');
    const stamp = input.stamp;
    if (stamp === null)
        return prune('no builder state kept with the record');
    if (stamp.record !== recordBinding(input.previous)) {
        return prune('the builder state kept belongs to another record');
    }
    if (!stamp.sources.some(s => s.description.endsWith(' context'))) {
        return prune('the builder state kept names no context record');
    }
    const listing = input.listing;
    if (listing === null || 'error' in listing) {
        return prune(`the builder's records cannot be listed${listing ? ` (${listing.error})` : ''}`);
    }
    const now = new Map(listing.sources.map(s => [s.id, s]));
    for (const s of stamp.sources) {
        const cur = now.get(s.id);
        if (cur === undefined)
            return prune(`the builder's record ${s.id} is gone`, true);
        if (!sameUse(s, cur)) {
            return prune(`the builder's record ${s.id} was used outside this guard since its last build (usage ${s.usage} -> ${cur.usage})`, true);
        }
    }
    return { action: 'resend' };
}
/**
 * Context files whose bytes (or type or mode) differ from the record, plus a Dockerfile or
 * ignore file that differs from the stamp: the files to re-send. Regular files only: the client
 * compares a symlink's target and every entry's mode itself.
 */
function filesToResend(context, entries, files, previous, controlsNow, stamp) {
    const out = new Set();
    for (const e of entries) {
        if (e.type !== 'file')
            continue;
        const before = Object.hasOwn(previous.files, e.path) ? previous.files[e.path] : undefined;
        if (before !== files[e.path])
            out.add((0,external_node_path_.join)(context, e.path));
    }
    for (const [file, digest] of Object.entries(controlsNow)) {
        if (stamp.controls[file] !== digest)
            out.add(file);
    }
    return [...out];
}
/**
 * Gives each file a modification time the builder's copy cannot have: later than both this
 * run's clock and the file's own mtime (by a millisecond, far above the microsecond a double
 * of seconds resolves), so the client's size+mtime comparison sees a change. The access time is
 * kept. Throws on the first file that cannot be touched: then the caller prunes instead.
 */
async function touchForResend(paths) {
    for (const path of paths) {
        const st = await (0,promises_.lstat)(path);
        if (!st.isFile())
            continue;
        const ms = Math.max(Date.now(), st.mtimeMs) + 1;
        await (0,promises_.utimes)(path, st.atime, ms / 1000);
    }
}
/**
 * The prune stage of a build: re-send only the changed files when the stamp vouches for the
 * builder's copy, otherwise prune by the policy as before (only when the context diverged). The
 * stamp is removed first: a run that dies or ends stale leaves none, so the next run prunes.
 */
async function cureStage(input) {
    const stampPath = builderStampPath(input.statePath);
    const stamp = input.policy === 'never' ? null : await readStamp(stampPath);
    await removeStamp(stampPath);
    if (input.policy === 'never')
        return { pruned: null, resent: null, vouched: false };
    const choice = chooseCure({ ...input, stamp });
    if (choice.action === 'resend' && input.previous && stamp) {
        const controls = await controlDigests(input.context, input.dockerfile);
        const paths = filesToResend(input.context, input.entries, input.files, input.previous, controls, stamp);
        try {
            await touchForResend(paths);
            if (paths.length > 0 || input.diverged) {
                input.say(`re-sending ${paths.length} changed file(s) instead of pruning: the builder's context copy is the one the last guarded build left`);
            }
            return { pruned: null, resent: paths, vouched: true };
        }
        catch (e) {
            input.say(`cannot mark the changed files for re-sending (${(0,errno/* errCode */.t)(e) ?? String(e)})`);
            if (!input.diverged)
                return { pruned: null, resent: null, vouched: false };
        }
    }
    else if (choice.action === 'fallback' && input.diverged && input.policy === 'source') {
        input.say(`pruning, not re-sending: ${choice.reason}`);
    }
    // Unchanged since the record, yet the builder's copy was synced by another build since: that
    // build may have left other bytes under the same size and mtime (an edit it saw, reverted
    // with the mtime kept), which no comparison with the record can see.
    const outside = choice.action === 'fallback' && choice.usedOutside;
    if (!input.diverged && outside)
        input.say(`the context equals the record, but ${choice.reason}`);
    if (!input.diverged && !outside)
        return { pruned: null, resent: null, vouched: false };
    input.say(`pruning the builder cache (policy ${input.policy})`);
    const pruned = await prune(input.exec, input.policy, input.kind);
    input.say(pruned.done
        ? `pruned: ${pruned.reclaimedBytes} bytes reclaimed`
        : `not pruned: ${pruned.note ?? ''}`);
    return { pruned, resent: null, vouched: pruned.done && input.kind === 'buildkit' };
}
/**
 * After the run's builds: keeps which `source.local` records they used, bound to the record just
 * written, so the next run can tell whether anything else used them since. Best effort: no stamp
 * only means the next diverged build prunes.
 */
async function keepBuilderState(input) {
    const path = builderStampPath(input.statePath);
    const { before, after } = input;
    if (!before || 'error' in before || !after || 'error' in after)
        return removeStamp(path);
    const sources = usedBetween(before.sources, after.sources);
    if (!sources.some(s => s.description.endsWith(' context')))
        return removeStamp(path);
    await writeStamp(path, {
        version: 1,
        record: recordBinding(input.record),
        controls: await controlDigests(input.context, input.dockerfile),
        sources
    });
}


;// CONCATENATED MODULE: ./src/pipeline/stages/hash.ts








/** Stage 2: read the Dockerfile and the context, hash both. */
async function hashStage(run) {
    const { opts, say } = run;
    say(`reading the build context ${opts.context}`);
    // Anything in the context written after this moment was written while this run read it.
    const startedAt = Date.now();
    let early;
    const hashed = await hashContext({
        context: opts.context,
        file: opts.file,
        buildArgs: run.buildArgs,
        statCache: run.statCache,
        onBuild: images => readOnBuild(run.docker(), images),
        onPlan: plan => (early = onPlan(run, plan))
    });
    const { needed, hostInfo, sourcesBefore } = early ?? {
        needed: new Set(),
        hostInfo: null,
        sourcesBefore: null
    };
    if (hashed.statCache)
        say(describeStatCache(hashed.statCache));
    const lastStage = hashed.plan.stages.at(-1)?.name ?? 'stage-0';
    const steps = hashed.steps.filter(s => needed.has(s.stage));
    say(`context ${hashed.contextHash} (${hashed.scan.entries.length} entries, ${steps.length} context steps)`);
    run.warnings.push(...hashed.plan.warnings.map(w => `line ${w.line}: ${w.message}`), ...hashed.onBuildProblems);
    if (run.recordInContext) {
        run.warnings.push(`the record ${run.statePath} is inside the build context: every write changes the context hash`);
    }
    return {
        ...run,
        hashed,
        files: contextFiles(hashed.scan.entries),
        steps,
        finalStage: opts.target ? opts.target.toLowerCase() : lastStage,
        hostInfo,
        sourcesBefore,
        startedAt
    };
}
/** Between reading the Dockerfile and walking the context (see hashContext's onPlan). */
function onPlan(run, plan) {
    let needed;
    // A bad --target is bad input: refused before any docker call.
    try {
        needed = neededStages(plan, run.opts.target ?? undefined);
    }
    catch (e) {
        throw new options_UsageError(`--target ${run.opts.target ?? ''}: ${errorMessage(e)}`);
    }
    // The daemon is asked while the context is walked: both take a while, neither needs the other.
    if (run.command !== 'build')
        return { needed, hostInfo: null, sourcesBefore: null };
    const hostInfo = detectBuilder(run.docker(), run.io.env);
    hostInfo.catch(() => undefined); // awaited by the build source; a failure is reported there
    // What the builder's context records look like before this run builds (never rejects).
    const sourcesBefore = run.opts.prune === 'never' ? null : listLocalSources(run.docker());
    return { needed, hostInfo, sourcesBefore };
}
function contextFiles(entries) {
    return {
        entries,
        byPath: new Map(entries.map(e => [e.path, e])),
        signatures: (0,record/* fileSignatures */.wL)(entries)
    };
}

// EXTERNAL MODULE: ./src/record/diff.ts
var record_diff = __nccwpck_require__(8262);
;// CONCATENATED MODULE: ./src/verdict/compare.ts

/** Step identity across runs: the stage and the instruction's position in it. */
function stepKey(step) {
    return `${step.stage}#${step.index}`;
}
/**
 * What changed since the record: per file by signature, and per step. A step is changed when it
 * reads a changed path, or when the record has the same step and its source hash differs (this also
 * catches an entry the step newly selects because its sources were edited in the Dockerfile).
 * `selects(step, path)` says whether the step reads a path, now or in the recorded context.
 */
function compareWithRecord(files, steps, previous, selects) {
    const stepChanges = new Map();
    if (!previous) {
        return { previousHash: null, changedFiles: [], removedFiles: new Set(), stepChanges };
    }
    const diff = (0,record_diff/* diffRecords */.OM)(previous, files);
    const changed = (0,record_diff/* changedPaths */.vl)(diff);
    const recorded = new Map(previous.steps.map(s => [stepKey(s), s]));
    for (const step of steps) {
        const paths = changed.filter(p => selects(step, p));
        const before = recorded.get(stepKey(step));
        const hashMoved = before !== undefined &&
            before.instruction === step.instruction &&
            before.sourceHash !== step.sourceHash;
        if (paths.length > 0 || hashMoved)
            stepChanges.set(stepKey(step), paths);
    }
    return {
        previousHash: previous.contextHash,
        changedFiles: changed,
        removedFiles: new Set(diff.removed),
        stepChanges
    };
}

;// CONCATENATED MODULE: ./src/verdict/warnings.ts
/** Host build outputs that, copied over a fresh build's output by `COPY . .`, ship old code. */
const HOST_OUTPUTS = [
    '.next',
    'dist',
    'build',
    'node_modules/.cache',
    '__pycache__'
];
/** Build args the guard injects so the image can tell which commit and build it came from. */
const INJECTED_ARGS = ['GIT_COMMIT_HASH', 'BUILD_ID'];
/** The directory a step's source names, when it is one (`.`, `web/`, `web`). */
function dirSources(step, dirs) {
    return step.sources
        .map(s => s.replace(/^(\.?\/)+/, '').replace(/\/+$/, '') || '.')
        .filter(s => s === '.' || s === '/' || dirs.has(s))
        .map(s => (s === '/' ? '.' : s));
}
/**
 * Warnings before the build for the stale-deploy classes users keep hitting. Each names the
 * Dockerfile line where there is one (`line N: ...`, which annotations pick up).
 */
function preBuildWarnings(f) {
    const out = [];
    // A host output dir anywhere in the tree (a monorepo's app/.next too), found in one pass.
    const dirs = new Set(f.entries.filter(e => e.type === 'dir').map(e => e.path));
    const outputs = [...dirs].filter(d => HOST_OUTPUTS.some(o => d === o || d.endsWith(`/${o}`)));
    for (const step of f.steps) {
        if (step.keyword === 'RUN')
            continue;
        // Any directory the step copies, not only `.`: `COPY web/ /app/` takes a stale web/dist.
        const roots = dirSources(step, dirs);
        const hit = outputs.filter(o => roots.some(r => r === '.' || o.startsWith(`${r}/`)));
        const names = [
            ...new Set(hit.map(o => HOST_OUTPUTS.find(h => o === h || o.endsWith(`/${h}`)) ?? o))
        ];
        if (names.length > 0) {
            out.push(`line ${step.line}: ${step.instruction} copies host build output ${names.map(p => `${p}/`).join(', ')} that .dockerignore does not exclude; it can overwrite what the image builds with stale files`);
        }
    }
    if (dirs.has('.git')) {
        out.push('the context includes .git: every commit changes the context hash, so every build prunes the context cache and re-sends the context; add .git to .dockerignore');
    }
    for (const { step, paths } of f.excludedChanged ?? []) {
        out.push(`line ${step.line}: ${step.instruction} covers ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}, changed since the last good build, which .dockerignore excludes: the build never sees those changes`);
    }
    for (const { step, source } of f.excludedSources) {
        out.push(`line ${step.line}: ${step.instruction} names ${source}, which .dockerignore excludes: the build never sees its changes`);
    }
    if ('BUILDKIT_INLINE_CACHE' in f.buildArgs) {
        out.push('BUILDKIT_INLINE_CACHE is set: images carry inline cache that later --cache-from builds import, even after a prune');
    }
    if (f.cacheFrom.length > 0) {
        out.push(`--cache-from ${f.cacheFrom.join(', ')}: imported cache survives builder prunes; changed steps are proven by bytes`);
    }
    const declared = new Set(f.declaredArgs);
    for (const name of f.secretArgs.filter(n => declared.has(n))) {
        out.push(`secret build arg ${name} is declared by an ARG: docker records its value in the image history of every later RUN (docker history shows it); pass it as a build secret (RUN --mount=type=secret) instead`);
    }
    const inStage = new Set(f.stageArgs ?? f.declaredArgs);
    const missing = f.injected ? INJECTED_ARGS.filter(a => !inStage.has(a)) : [];
    if (missing.length > 0) {
        const global = missing.filter(a => declared.has(a));
        out.push(`no stage declares ARG ${missing.join(' or ARG ')}: the injected build identity reaches only the image labels (add the ARG to the stage that should see it)${global.length > 0 ? `; ARG ${global.join(', ')} before the first FROM reaches only FROM lines until a stage declares it again` : ''}`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/context/excluded.ts
/**
 * Files on disk that a COPY names or covers but `.dockerignore` keeps out of the context: their
 * changes never reach the build, which users read as a stale build.
 */


/** Entries walked per source directory at most: this is a warning, not a second scan. */
const WALK_LIMIT = 5000;
const excluded_literal = (source) => {
    const rel = external_node_path_.posix
        .normalize(source)
        .replace(/^(\.?\/)+/, '')
        .replace(/\/+$/, '');
    if (rel === '' || rel === '.' || rel.startsWith('..') || /[*?[\\]/.test(rel))
        return null;
    return rel;
};
/**
 * Excluded files under a COPY's literal source directory (not `.`, where excluding is the ignore
 * file's purpose) whose mtime or ctime is after `since` (the last good build): changed, and
 * left out of the build by `.dockerignore` (e.g. `config` + `!config/app.yaml`, `COPY config/`).
 */
async function excludedChanged(context, steps, entries, since) {
    if (since === null)
        return [];
    const sent = new Map(entries.map(e => [e.path, e]));
    const after = since.getTime();
    const out = [];
    for (const step of steps) {
        if (step.keyword === 'RUN')
            continue;
        const paths = [];
        for (const source of step.sources) {
            const rel = excluded_literal(source);
            if (rel === null || sent.get(rel)?.type !== 'dir')
                continue;
            let budget = WALK_LIMIT;
            const walk = async (dir) => {
                const names = await (0,promises_.readdir)((0,external_node_path_.join)(context, dir)).catch(() => []);
                for (const name of names) {
                    if (--budget < 0)
                        return;
                    const path = `${dir}/${name}`;
                    const st = await (0,promises_.lstat)((0,external_node_path_.join)(context, path)).catch(() => null);
                    if (st === null)
                        continue;
                    if (st.isDirectory())
                        await walk(path);
                    else if (!sent.has(path) && Math.max(st.mtimeMs, st.ctimeMs) > after)
                        paths.push(path);
                }
            };
            await walk(rel);
        }
        if (paths.length > 0)
            out.push({ step, paths: paths.sort() });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/compare.ts










/** Stage 3 (under the record lock): the last good build, what changed since, early warnings. */
async function compare(run) {
    const { opts, steps, files, say } = run;
    const previous = await loadRecord(run.statePath, opts.ignoreCorruptRecord, run.warnings);
    const comparison = compareWithRecord(files.signatures, steps, previous, selector(steps, files.entries, previous));
    const excluded = await excludedSources(opts.context, steps, files.byPath);
    const before = preBuildWarnings({
        entries: files.entries,
        steps,
        declaredArgs: run.hashed.plan.declaredArgs,
        stageArgs: run.hashed.plan.stageArgs,
        buildArgs: run.buildArgs,
        cacheFrom: opts.cacheFrom,
        excludedSources: excluded,
        excludedChanged: await excludedChanged(opts.context, steps, files.entries, previous ? new Date(previous.builtAt) : null),
        injected: run.command === 'build',
        secretArgs: opts.secretArgs
    });
    // Shown now too: a build that fails on them (an excluded literal source) must explain itself.
    for (const w of before)
        say(`warning: ${w}`);
    run.warnings.push(...before);
    // A literal source matching nothing fails the build: said before any prune, not after.
    const unmatched = unmatchedSources(steps, files.entries);
    const [first] = unmatched;
    if (run.command === 'build' && first) {
        throw new options_UsageError(unmatchedMessage(first, excluded.some(e => e.source === first.source)));
    }
    run.warnings.push(...unmatched.map(u => unmatchedMessage(u, false)));
    if (run.command === 'check' && opts.verify !== 'none') {
        run.warnings.push("check mode: this guard pruned nothing before that build, so every file a step of the final stage copied is proven from the image; note that builds of a relative context (`docker build .`) in folders of the same name share BuildKit's context record");
    }
    if (previous) {
        const inputs = previous.inputs;
        const moved = [
            inputs && inputs.dockerfile !== run.hashed.inputs.dockerfile
                ? '; the Dockerfile changed'
                : '',
            inputs && inputs.ignore !== run.hashed.inputs.ignore ? '; the ignore file changed' : ''
        ].join('');
        say(previous.contextHash === run.hashed.contextHash
            ? 'the context equals the last good build'
            : `${comparison.changedFiles.length} path(s) changed since the last good build (${previous.commit ?? 'no commit'})${moved}`);
    }
    else {
        say(`no record at ${run.statePath}: this build is the baseline`);
    }
    return { ...run, previous, comparison, excluded };
}
async function loadRecord(path, ignoreCorrupt, warnings) {
    try {
        return await (0,record/* readRecord */.aE)(path);
    }
    catch (e) {
        if (e instanceof record/* RecordError */.W1 && ignoreCorrupt) {
            warnings.push(`${errorMessage(e)}; treated as no record (--ignore-corrupt-record)`);
            return null;
        }
        if (e instanceof record/* RecordError */.W1) {
            throw new options_UsageError(`${errorMessage(e)} (fix or remove it, or pass --ignore-corrupt-record to start a new baseline)`);
        }
        throw e;
    }
}
/** Rebuilds context entries from a record's signatures (to know what a step read back then). */
function entriesFromRecord(files) {
    return Object.entries(files).map(([path, sig]) => {
        const [type, mode, digest, size] = sig.split(' ');
        return {
            path,
            type: (type ?? 'file'),
            mode: parseInt(mode ?? '0', 8),
            size: Number(size ?? 0),
            ...(digest && digest !== '-' ? { digest } : {})
        };
    });
}
/**
 * selects(step, path): the step reads `path` now or read it in the recorded context (a removed
 * file counts for the steps that copied it).
 */
function selector(steps, entries, previous) {
    // Built on first use: an unchanged context never asks, and these are a pass over every entry.
    let sets = null;
    const build = () => {
        const before = previous ? entriesFromRecord(previous.files) : [];
        const out = new Map();
        for (const s of steps) {
            const paths = new Set(selectSources(s, entries).map(e => e.path));
            for (const e of selectSources(s, before))
                paths.add(e.path);
            out.set(stepKey(s), paths);
        }
        return out;
    };
    return (step, path) => (sets ??= build()).get(stepKey(step))?.has(path) ?? false;
}
/**
 * COPY/ADD sources named literally (no wildcard) that exist on disk but that the ignore file
 * keeps out of the context: their changes never reach the build.
 */
async function excludedSources(context, steps, sent) {
    const out = [];
    for (const step of steps) {
        if (step.keyword === 'RUN')
            continue;
        for (const source of step.sources) {
            const rel = literalSource(source);
            if (rel === null || sent.has(rel))
                continue;
            const onDisk = await (0,promises_.lstat)((0,external_node_path_.join)(context, rel)).then(() => true, () => false);
            if (onDisk)
                out.push({ step, source: rel });
        }
    }
    return out;
}
/** A source as a path inside the context, or null when it names none literally. */
function literalSource(source) {
    const rel = external_node_path_.posix
        .normalize(source)
        .replace(/^(\.?\/)+/, '')
        .replace(/\/+$/, '');
    if (rel === '' || rel === '.' || rel.startsWith('..') || /[*?[\\]/.test(rel))
        return null;
    return rel;
}

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __nccwpck_require__(6193);
;// CONCATENATED MODULE: ./src/logs/names.ts
/**
 * BuildKit vertex names. The Dockerfile frontend names instruction vertices
 * `[<platform> <stage> <i>/<n>] <instruction>`, each part optional but the index, with the index
 * right-aligned (`[builder  4/12]`, `[ 1/11]`). docker compose (buildx's progress multiwriter) puts
 * the service in front: inside the bracket when the name has one (`[web builder 3/4]`,
 * `[web internal]`), otherwise as `[web] <name>`.
 */
/** Instructions longer than this are cut: enough to recognise any real one, bounded memory. */
const MAX_INSTRUCTION = 16384;
/** Brackets longer than this are not BuildKit prefixes (stage and service names are short). */
const MAX_BRACKET = 512;
/** Words that BuildKit itself puts alone in a bracket; they are never a compose service. */
const BUILDKIT_WORDS = new Set(['internal', 'auth', 'context']);
function parseIndex(word) {
    const slash = word.indexOf('/');
    if (slash < 1 || slash > 6 || word.length - slash - 1 < 1 || word.length - slash - 1 > 6) {
        return null;
    }
    for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (i !== slash && (c < 48 || c > 57))
            return null;
    }
    return { index: Number(word.slice(0, slash)), total: Number(word.slice(slash + 1)) };
}
/** Platforms (`linux/amd64`, `linux/arm64->amd64`) are the only bracket words with a `/`. */
function isPlatform(word) {
    return word.includes('/');
}
function cut(text) {
    const t = text.trim();
    return t.length > MAX_INSTRUCTION ? t.slice(0, MAX_INSTRUCTION) : t;
}
function parseVertexName(name) {
    if (name.charCodeAt(0) !== 91 /* [ */)
        return { kind: 'other', service: null, text: cut(name) };
    const close = name.indexOf(']');
    if (close < 0 || close > MAX_BRACKET)
        return { kind: 'other', service: null, text: cut(name) };
    const words = name
        .slice(1, close)
        .split(' ')
        .filter(w => w !== '');
    const text = name.slice(close + 1);
    const last = words.length > 0 ? parseIndex(words[words.length - 1]) : null;
    if (last !== null) {
        return {
            kind: 'step',
            words: words.slice(0, -1).filter(w => !isPlatform(w)),
            index: last.index,
            total: last.total,
            instruction: cut(text)
        };
    }
    const plain = words.filter(w => !isPlatform(w));
    let service = null;
    if (plain.length === 1 && !BUILDKIT_WORDS.has(plain[0]))
        service = plain[0];
    else if (plain.length === 2 && (plain[1] === 'internal' || plain[1] === 'auth')) {
        service = plain[0];
    }
    return { kind: 'other', service, text: cut(text) };
}
/** `importing cache manifest from X` (a `--cache-from` source BuildKit imported). */
function cacheImportOf(text) {
    const prefix = 'importing cache manifest from ';
    if (!text.startsWith(prefix))
        return null;
    const ref = text.slice(prefix.length).trim();
    const space = ref.indexOf(' ');
    const value = space < 0 ? ref : ref.slice(0, space);
    return value === '' ? null : value;
}

;// CONCATENATED MODULE: ./src/logs/steps.ts
/** Distinct steps kept per format: far above any real build, a bound for hostile input. */
const MAX_STEPS = 20000;
/**
 * The steps a log showed, merged across repeats: re-printed headers, tty redraws, rawjson
 * vertex updates and every platform of a multi-platform build describe the same step.
 */
class StepTable {
    entries = new Map();
    seq = 0;
    get size() {
        return this.entries.size;
    }
    /** Records a sighting; returns its key for later status lines, or null past the bound. */
    add(s) {
        const key = `${s.lineService ?? ''}\u0000${s.words.join(' ')}\u0000${s.index}/${s.total}`;
        const seen = this.entries.get(key);
        if (seen !== undefined) {
            seen.cached ||= s.cached;
            seen.error ||= s.error;
            // Keep the fullest text: old buildx and tty cut long names, other sightings may not.
            if (s.instruction.length > seen.instruction.length)
                seen.instruction = s.instruction;
            return key;
        }
        if (this.entries.size >= MAX_STEPS)
            return null;
        this.entries.set(key, { ...s, seq: this.seq++ });
        return key;
    }
    mark(key, flag) {
        const e = this.entries.get(key);
        if (e !== undefined)
            e[flag] = true;
    }
    /**
     * Tells service from stage and sorts in Dockerfile order: services and stages by first
     * appearance, instructions by index. A lone bracket word is a service only when the log
     * named that service elsewhere (`[web internal]`): compose prefixes `[1/3] RUN` to `[web 1/3]`.
     */
    resolve(services) {
        const firstSeen = new Map();
        const note = (key, seq) => {
            const prev = firstSeen.get(key);
            if (prev === undefined || seq < prev)
                firstSeen.set(key, seq);
        };
        const rows = [];
        for (const e of this.entries.values()) {
            const { service, stage } = steps_splitWords(e, services);
            const serviceKey = service ?? '';
            const stageKey = `${serviceKey}\u0000${stage ?? ''}`;
            note(serviceKey, e.seq);
            note(stageKey, e.seq);
            const step = {
                service,
                stage,
                index: e.index,
                total: e.total,
                instruction: e.instruction,
                cached: e.cached
            };
            if (e.error)
                step.error = true;
            rows.push({ step, seq: e.seq, serviceKey, stageKey });
        }
        const rank = (key) => firstSeen.get(key) ?? 0;
        return rows
            .sort((a, b) => rank(a.serviceKey) - rank(b.serviceKey) ||
            rank(a.stageKey) - rank(b.stageKey) ||
            a.step.index - b.step.index ||
            a.step.total - b.step.total ||
            a.seq - b.seq)
            .map(r => r.step);
    }
}
function steps_splitWords(e, services) {
    const w = e.words;
    const last = w.length > 0 ? w[w.length - 1] : null;
    if (e.lineService !== null)
        return { service: e.lineService, stage: last };
    if (w.length >= 2)
        return { service: w[0], stage: last };
    if (last !== null && services.has(last))
        return { service: last, stage: null };
    return { service: null, stage: last };
}

;// CONCATENATED MODULE: ./src/logs/text.ts
/**
 * Line clean-up shared by every log format: terminal escapes, carriage-return redraws, CI
 * timestamps and compose line prefixes. All functions are linear scans without backtracking,
 * since a log line may be up to the parser's line cap long.
 */
const ESC = 27;
const BEL = 7;
/** Removes ANSI/VT escape sequences (CSI, OSC, two-byte ESC x) and stray C0 controls but tab. */
function stripAnsi(line) {
    let out = '';
    let from = 0;
    const n = line.length;
    let i = 0;
    while (i < n) {
        const c = line.charCodeAt(i);
        if (c >= 32 || c === 9) {
            i++;
            continue;
        }
        out += line.slice(from, i);
        if (c === ESC && i + 1 < n) {
            const kind = line.charCodeAt(i + 1);
            if (kind === 91 /* [ CSI: params then one final byte 0x40-0x7e */) {
                i += 2;
                while (i < n) {
                    const p = line.charCodeAt(i++);
                    if (p >= 0x40 && p <= 0x7e)
                        break;
                }
            }
            else if (kind === 93 /* ] OSC: up to BEL or ESC \ */) {
                i += 2;
                while (i < n) {
                    const p = line.charCodeAt(i);
                    if (p === BEL) {
                        i++;
                        break;
                    }
                    if (p === ESC) {
                        i += 2;
                        break;
                    }
                    i++;
                }
            }
            else {
                i += 2;
            }
        }
        else {
            i++;
        }
        from = i;
    }
    return from === 0 ? line : out + line.slice(from);
}
/**
 * A terminal shows only what was written after the last carriage return of a line
 * (`Sending build context ... 5.6kB\r\r`, progress redraws); trailing CRs are CRLF leftovers.
 */
function lastCarriageSegment(line) {
    let end = line.length;
    while (end > 0 && line.charCodeAt(end - 1) === 13)
        end--;
    const cr = line.lastIndexOf('\r', end - 1);
    return line.slice(cr + 1, end);
}
function isDigit(c) {
    return c >= 48 && c <= 57;
}
/** Strips a GitHub Actions style `2020-05-14T10:55:14.5014590Z ` timestamp. */
function stripTimestamp(line) {
    if (line.length < 21 ||
        !isDigit(line.charCodeAt(0)) ||
        line.charCodeAt(4) !== 45 ||
        line.charCodeAt(10) !== 84) {
        return line;
    }
    const z = line.indexOf('Z ', 19);
    if (z < 0 || z > 40)
        return line;
    for (let i = 11; i < z; i++) {
        const c = line.charCodeAt(i);
        if (!isDigit(c) && c !== 58 && c !== 46)
            return line;
    }
    return line.slice(z + 2);
}
function isNameChar(c) {
    return (isDigit(c) ||
        (c >= 65 && c <= 90) ||
        (c >= 97 && c <= 122) ||
        c === 45 /* - */ ||
        c === 46 /* . */ ||
        c === 95 /* _ */);
}
/** The longest compose service name accepted as a line prefix. */
const MAX_SERVICE = 128;
/**
 * Splits a compose line prefix off: `web  | text`, `web-1  | text` (log multiplexing) or
 * `[web] #5 ...` (a bracketed service before a build line). Returns null when there is none.
 */
function splitServicePrefix(line) {
    const first = line.charCodeAt(0);
    if (first === 91 /* [ */) {
        let i = 1;
        while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i)))
            i++;
        if (i === 1 || line.charCodeAt(i) !== 93 || line.charCodeAt(i + 1) !== 32)
            return null;
        const rest = line.slice(i + 2);
        // `[web] resolve image config` is a vertex name, not a line prefix: require a build line.
        return looksLikeBuildLine(rest) ? { service: line.slice(1, i), rest } : null;
    }
    if (!isNameChar(first))
        return null;
    let i = 1;
    while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i)))
        i++;
    let j = i;
    while (line.charCodeAt(j) === 32)
        j++;
    if (j === i || line.charCodeAt(j) !== 124 /* | */)
        return null;
    let rest = line.slice(j + 1);
    if (rest.charCodeAt(0) === 32)
        rest = rest.slice(1);
    return { service: line.slice(0, i), rest };
}
function looksLikeBuildLine(rest) {
    const t = rest.trimStart();
    return ((t.charCodeAt(0) === 35 && isDigit(t.charCodeAt(1))) ||
        t.startsWith('=> ') ||
        t.startsWith('---> ') ||
        t.startsWith('Step ') ||
        t.startsWith('Successfully built '));
}

;// CONCATENATED MODULE: ./src/logs/parser.ts




/** Longest line kept (chars); the rest of a longer line is dropped. Fits big rawjson lines. */
const DEFAULT_MAX_LINE = 1 << 20;
/** Buffers are decoded in slices of this size so one huge write never becomes one huge string. */
const DECODE_SLICE = 1 << 20;
/** Bounds for hostile input: vertex ids tracked, distinct cache sources, services. */
const MAX_VERTICES = 100000;
const MAX_NAMES = 1000;
const FORMATS = ['buildkit-plain', 'buildkit-tty', 'rawjson', 'legacy'];
function parser_isDigit(c) {
    return c >= 48 && c <= 57;
}
function isServiceName(name) {
    return name.length > 0 && name.length <= 128 && /^[A-Za-z0-9][\w.-]*$/.test(name);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** First word of a text (`writing image sha256:x done` -> `sha256:x`). */
function firstWord(text) {
    const t = text.trim();
    const space = t.indexOf(' ');
    return space < 0 ? t : t.slice(0, space);
}
/** Drops tty's right-aligned duration column (`... COPY src ./src     0.3s`). */
function stripDuration(text) {
    const t = text.trimEnd();
    const space = t.lastIndexOf(' ');
    if (space < 0)
        return t;
    const d = t.slice(space + 1);
    if (d.length < 2 || d.charCodeAt(d.length - 1) !== 115 /* s */)
        return t;
    for (let i = 0; i < d.length - 1; i++) {
        const c = d.charCodeAt(i);
        if (!parser_isDigit(c) && c !== 46)
            return t;
    }
    return t.slice(0, space).trimEnd();
}
/**
 * A streaming build-log parser. Feed it chunks as they arrive (a live `docker build` or a file),
 * then call end(). Memory stays bounded whatever the input: one line buffer capped at
 * maxLineLength plus the steps found. It never throws on content; unreadable lines are skipped.
 */
class LogParser {
    maxLine;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    partial = '';
    /** The current line passed the cap: drop input until the next newline. */
    overflow = false;
    result = null;
    tables = {
        'buildkit-plain': new StepTable(),
        'buildkit-tty': new StepTable(),
        rawjson: new StepTable(),
        legacy: new StepTable()
    };
    /** Lines that could only come from each format, to detect it. */
    signals = {
        'buildkit-plain': 0,
        'buildkit-tty': 0,
        rawjson: 0,
        legacy: 0
    };
    /** Plain output: `<service>\0<#N>` -> step key (null for vertices that are not steps). */
    vertices = new Map();
    /** Legacy builder: the open `Step N/M` per service. */
    legacyOpen = new Map();
    /** Compose services the log named in brackets (`[web internal]`). */
    services = new Set();
    cacheImports = [];
    builder = null;
    imageId = null;
    /** docker-compose v1: the service whose build output follows (`Building web`). */
    building = null;
    pending = null;
    constructor(options = {}) {
        const max = options.maxLineLength ?? DEFAULT_MAX_LINE;
        this.maxLine = Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_LINE;
    }
    write(chunk) {
        if (this.result !== null)
            return;
        if (typeof chunk === 'string') {
            // Bytes of a split character from an earlier Buffer cannot continue in a string.
            this.feed(this.decoder.end());
            this.feed(chunk);
            return;
        }
        for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
            this.feed(this.decoder.write(chunk.subarray(at, at + DECODE_SLICE)));
        }
    }
    end() {
        if (this.result !== null)
            return this.result;
        this.feed(this.decoder.end());
        if (this.partial.length > 0 || this.overflow)
            this.flushLine();
        this.result = this.finish();
        return this.result;
    }
    feed(text) {
        let pos = 0;
        const n = text.length;
        while (pos < n) {
            const nl = text.indexOf('\n', pos);
            const stop = nl < 0 ? n : nl;
            if (!this.overflow && stop > pos) {
                const room = this.maxLine - this.partial.length;
                if (stop - pos > room) {
                    this.partial += text.slice(pos, pos + room);
                    this.overflow = true;
                }
                else {
                    this.partial += text.slice(pos, stop);
                }
            }
            if (nl < 0)
                return;
            this.flushLine();
            pos = nl + 1;
        }
    }
    flushLine() {
        const line = this.partial;
        this.partial = '';
        this.overflow = false;
        try {
            this.line(line);
        }
        catch {
            // A safety net only: a line the parser cannot read must not end the build's parse.
        }
    }
    line(raw) {
        let line = raw;
        if (line.includes('\x1b'))
            line = stripAnsi(line);
        if (line.includes('\r'))
            line = lastCarriageSegment(line);
        if (this.pending !== null)
            this.confirmBuilding(line);
        if (line.charCodeAt(0) === 35 /* # */) {
            this.plain(line, this.building);
            return;
        }
        line = stripTimestamp(line);
        let service = this.building;
        const prefixed = splitServicePrefix(line);
        if (prefixed !== null) {
            service = prefixed.service;
            line = prefixed.rest;
        }
        else if (line.startsWith('Building ')) {
            const name = line.slice(9).trimEnd();
            if (isServiceName(name))
                this.pending = { name, wait: 8 };
            return;
        }
        const c = line.charCodeAt(0);
        if (c === 35)
            this.plain(line, service);
        else if (c === 123 /* { */)
            this.rawjson(line, service);
        else {
            const t = line.trimStart();
            if (t.startsWith('=> '))
                this.tty(t.slice(3), service);
            else if (t.startsWith('[+] Building '))
                this.ttyHeader(t);
            else
                this.legacy(t, service);
        }
    }
    /**
     * docker-compose v1 prints `Building <service>` and then that service's unprefixed build
     * output, vertex numbers restarting at #1. The header counts only when a build starts right
     * after it, so a RUN that prints "Building app" in a legacy log cannot rename services.
     */
    confirmBuilding(line) {
        const p = this.pending;
        if (p === null)
            return;
        const t = line.trimEnd();
        if (t.startsWith('Step 1/') ||
            t.startsWith('Step 1 :') ||
            t.startsWith('#0 ') ||
            t.startsWith('#1 ') ||
            t.startsWith('[+] Building ') ||
            t.startsWith('Sending build context')) {
            this.building = p.name;
            this.pending = null;
        }
        else if (t !== '' && !t.startsWith('DEPRECATED:') && t.charCodeAt(0) !== 32) {
            this.pending = null;
        }
        else if (--p.wait <= 0) {
            this.pending = null;
        }
    }
    /** BuildKit plain: `#N <vertex name>` headers, then `#N <status|log|CACHED|DONE|ERROR>`. */
    plain(line, service) {
        let i = 1;
        while (i < line.length && i <= 10 && parser_isDigit(line.charCodeAt(i)))
            i++;
        if (i === 1 || line.charCodeAt(i) !== 32)
            return;
        this.signals['buildkit-plain']++;
        const id = `${service ?? ''}\u0000${line.slice(1, i)}`;
        const rest = line.slice(i + 1);
        const c = rest.charCodeAt(0);
        if (parser_isDigit(c))
            return; // `#8 0.145 <output of RUN>`: the bulk of a log, nothing to learn
        if (c === 91 /* [ */) {
            const key = this.sighting('buildkit-plain', parseVertexName(rest), service, false, false);
            if (this.vertices.size < MAX_VERTICES || this.vertices.has(id))
                this.vertices.set(id, key);
            return;
        }
        if (rest.startsWith('CACHED'))
            this.markVertex(id, 'cached');
        else if (rest.startsWith('ERROR'))
            this.markVertex(id, 'error');
        else if (rest.startsWith('writing image '))
            this.imageId = firstWord(rest.slice(14));
        else if (rest.startsWith('building with '))
            this.builder = rest.trim();
        else if (c === 32) {
            // BuildKit of docker 18.09/19.03 printed aligned fields: `#5      cached: true`.
            const t = rest.trimStart();
            if (t.startsWith('cached: true'))
                this.markVertex(id, 'cached');
            else if (t.startsWith('error: '))
                this.markVertex(id, 'error');
        }
        else
            this.addCacheImport(cacheImportOf(rest));
    }
    markVertex(id, flag) {
        const key = this.vertices.get(id);
        if (key !== undefined && key !== null)
            this.tables['buildkit-plain'].mark(key, flag);
    }
    /** BuildKit tty (after ANSI stripping): ` => [CACHED |ERROR ]<name>   0.3s`. */
    tty(text, service) {
        this.signals['buildkit-tty']++;
        if (text.startsWith('=> ')) {
            // ` => => <status or log>` of the vertex above.
            const sub = text.slice(3);
            if (sub.startsWith('writing image '))
                this.imageId = firstWord(sub.slice(14));
            return;
        }
        let rest = text;
        let cached = false;
        let error = false;
        if (rest.startsWith('CACHED ')) {
            cached = true;
            rest = rest.slice(7);
        }
        else if (rest.startsWith('ERROR ')) {
            error = true;
            rest = rest.slice(6);
        }
        else if (rest.startsWith('CANCELED ')) {
            rest = rest.slice(9);
        }
        this.sighting('buildkit-tty', parseVertexName(stripDuration(rest)), service, cached, error);
    }
    /** `[+] Building 0.3s (14/14) FINISHED   docker:default`: newer buildx names its builder. */
    ttyHeader(line) {
        this.signals['buildkit-tty']++;
        const at = line.indexOf(' FINISHED');
        if (at < 0)
            return;
        const tail = line.slice(at + 9).trim();
        const m = tail.length < 256 ? /^([\w.-]+):([\w.-]+)$/.exec(tail) : null;
        if (m !== null)
            this.builder = `building with "${m[2]}" instance using ${m[1]} driver`;
    }
    /** `--progress=rawjson`: one client.SolveStatus per line; vertices repeat as they progress. */
    rawjson(line, service) {
        let doc;
        try {
            doc = JSON.parse(line);
        }
        catch {
            return;
        }
        if (!isRecord(doc))
            return;
        const { vertexes, statuses, logs, warnings } = doc;
        if (Array.isArray(vertexes)) {
            for (const v of vertexes) {
                if (!isRecord(v) || typeof v.name !== 'string')
                    continue;
                const error = typeof v.error === 'string' && v.error !== '';
                this.sighting('rawjson', parseVertexName(v.name), service, v.cached === true, error);
            }
        }
        if (Array.isArray(statuses)) {
            for (const s of statuses) {
                if (isRecord(s) && typeof s.id === 'string' && s.id.startsWith('writing image ')) {
                    this.imageId = firstWord(s.id.slice(14));
                }
            }
        }
        // docker 20.10's API stream carries the image id as an aux message next to the trace.
        const api = isRecord(doc._non_trace_api_message) ? doc._non_trace_api_message : doc;
        const aux = api.aux;
        if (isRecord(aux) && typeof aux.ID === 'string' && aux.ID.startsWith('sha256:')) {
            this.imageId = aux.ID;
        }
        if (Array.isArray(vertexes) ||
            Array.isArray(statuses) ||
            Array.isArray(logs) ||
            Array.isArray(warnings) ||
            api !== doc) {
            this.signals.rawjson++;
        }
    }
    /** The legacy builder: `Step N/M : INSTR`, ` ---> Using cache`, `Successfully built <id>`. */
    legacy(t, service) {
        const open = service ?? '';
        if (t.startsWith('Step ')) {
            const step = parseLegacyStep(t);
            if (step === null)
                return;
            this.signals.legacy++;
            const key = this.tables.legacy.add({
                lineService: service,
                words: [],
                ...step,
                cached: false,
                error: false
            });
            if (this.legacyOpen.size < MAX_NAMES || this.legacyOpen.has(open)) {
                this.legacyOpen.set(open, key);
            }
        }
        else if (t.startsWith('---> ')) {
            this.signals.legacy++;
            if (t.startsWith('---> Using cache'))
                this.markLegacy(open, 'cached');
        }
        else if (t.startsWith('Successfully built ')) {
            this.signals.legacy++;
            this.imageId = firstWord(t.slice(19));
        }
        else if (t.startsWith('Sending build context to Docker daemon')) {
            this.signals.legacy++;
        }
        else if ((t.startsWith("The command '") && t.includes("' returned a non-zero code")) ||
            t.startsWith('COPY failed:') ||
            t.startsWith('ADD failed:')) {
            this.markLegacy(open, 'error');
        }
    }
    markLegacy(open, flag) {
        const key = this.legacyOpen.get(open);
        if (key !== undefined && key !== null)
            this.tables.legacy.mark(key, flag);
    }
    /** Records what a BuildKit vertex name says; returns the step key when it is a step. */
    sighting(format, name, service, cached, error) {
        if (name.kind === 'step') {
            if (format !== 'buildkit-plain')
                this.signals[format]++;
            return this.tables[format].add({
                lineService: service,
                words: name.words,
                index: name.index,
                total: name.total,
                instruction: name.instruction,
                cached,
                error
            });
        }
        if (name.service !== null && this.services.size < MAX_NAMES)
            this.services.add(name.service);
        this.addCacheImport(cacheImportOf(name.text));
        return null;
    }
    addCacheImport(ref) {
        if (ref === null || this.cacheImports.includes(ref))
            return;
        if (this.cacheImports.length < MAX_NAMES)
            this.cacheImports.push(ref);
    }
    /** The format with the most steps wins (then the most telltale lines); its steps are the result. */
    finish() {
        let best = null;
        for (const f of FORMATS) {
            if (this.signals[f] === 0)
                continue;
            if (best === null ||
                this.tables[f].size > this.tables[best].size ||
                (this.tables[f].size === this.tables[best].size && this.signals[f] > this.signals[best])) {
                best = f;
            }
        }
        const steps = best === null ? [] : this.tables[best].resolve(this.services);
        return {
            format: best ?? 'unknown',
            steps,
            cacheImports: [...this.cacheImports],
            builder: this.builder,
            imageId: this.imageId
        };
    }
}
/** `Step 3/8 : COPY package.json ./` (and `Step 3 : ...` of very old daemons, total 0). */
function parseLegacyStep(t) {
    let i = 5;
    const a = i;
    while (i < t.length && i - a < 7 && parser_isDigit(t.charCodeAt(i)))
        i++;
    if (i === a)
        return null;
    const index = Number(t.slice(a, i));
    let total = 0;
    if (t.charCodeAt(i) === 47 /* / */) {
        const b = ++i;
        while (i < t.length && i - b < 7 && parser_isDigit(t.charCodeAt(i)))
            i++;
        if (i === b)
            return null;
        total = Number(t.slice(b, i));
    }
    if (!t.startsWith(' : ', i))
        return null;
    const instruction = t.slice(i + 3).trim();
    return { index, total, instruction: instruction.slice(0, MAX_INSTRUCTION) };
}
/** Parses a whole log held in memory. */
function parseLog(text) {
    const parser = new LogParser();
    parser.write(text);
    return parser.end();
}

;// CONCATENATED MODULE: ./src/logs/file.ts



/** A build log that cannot be read; the message is one line naming the file. */
class LogFileError extends error/* FreshBuildError */.n {
    path;
    constructor(path, problem) {
        super(`build log ${path}: ${problem}`);
        this.path = path;
    }
}
const FAULTS = {
    ENOENT: 'not found',
    ENOTDIR: 'not found (a parent is not a directory)',
    EISDIR: 'is a directory, not a log file',
    EACCES: 'is not readable: permission denied',
    EPERM: 'is not readable: operation not permitted',
    ELOOP: 'is a symlink loop'
};
function logFault(path, e) {
    const code = e?.code ?? '';
    const known = FAULTS[code];
    const problem = known ? `${known} (${code})` : `cannot be read (${code || String(e)})`;
    return new LogFileError(path, problem);
}
/** Parses a log file as a stream: memory stays bounded however large the file. */
async function parseLogFile(path, options = {}) {
    let fh;
    try {
        fh = await (0,promises_.open)(path, 'r');
    }
    catch (e) {
        throw logFault(path, e);
    }
    try {
        // open() succeeds on a directory; the read would fail with a bare EISDIR.
        if ((await fh.stat()).isDirectory())
            throw logFault(path, { code: 'EISDIR' });
        const parser = new LogParser(options);
        try {
            for await (const chunk of fh.createReadStream({ highWaterMark: 1 << 16, autoClose: false })) {
                parser.write(chunk);
            }
        }
        catch (e) {
            throw logFault(path, e);
        }
        return parser.end();
    }
    finally {
        await fh.close();
    }
}

;// CONCATENATED MODULE: ./src/logs/json.ts
/** Picks the contract's fields, in the contract's order, from a parsed log. */
function toParseLogJson(log) {
    return {
        format: log.format,
        steps: log.steps.map(s => ({
            service: s.service,
            stage: s.stage,
            index: s.index,
            total: s.total,
            instruction: s.instruction,
            cached: s.cached
        }))
    };
}
/** `parse-log --json` output: exactly one JSON document (newline-terminated). */
function renderParseLogJson(log) {
    return `${JSON.stringify(toParseLogJson(log), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/logs/index.ts
/** Build logs -> the Dockerfile steps they show, and which of them were served from cache. */




// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: ./src/pipeline/expect.ts
/**
 * What a COPY/ADD step really wrote for a changed context path, so the proof compares like with
 * like (issue 12, classes 3 and 8). BuildKit, verified on 20.10:
 *   - a source path that is, or passes through, a symlink is followed: `COPY linkdir/ /dst/`
 *     copies the target directory's contents, `COPY link.txt /app/` writes a regular file
 *     `/app/link.txt` holding the target's bytes and mode;
 *   - ADD unpacks a local source that IS an archive by its bytes (a tar named `.bin` is
 *     unpacked, a text file named `.tar` is copied), into the destination as a directory, with
 *     the members' modes; symlinks inside a copied directory stay symlinks.
 */








const layerPath = (p) => p.replace(/^\/+/, '').replace(/\/+$/, '');
/** The layer targets of one changed context path of `step`. */
async function layerTargets(step, path, expected, ctx) {
    if (step.dest === null)
        return { unprovable: 'it is not a copy' };
    const destAbs = external_node_path_.posix.resolve(step.workdir, step.dest);
    const dirDest = step.dest.endsWith('/') || step.dest === '.' || step.dest === '' || step.destIsDir;
    if (step.sources.length > 1 && !dirDest) {
        return {
            unprovable: `several sources go to ${step.dest}, which is not known to be a directory (BuildKit then writes each source to that one path)`
        };
    }
    const rules = compileExcludes(step.excludes);
    for (const source of step.sources) {
        const { pattern } = sourceSpec(source);
        if (hasWildcard(pattern) || step.parents)
            continue;
        const resolved = resolveLinks(pattern, ctx.byPath) ?? pattern;
        const root = ctx.byPath.get(resolved);
        const viaLink = resolved !== pattern;
        // A link on the source's own path: what it points at now is what the step copies.
        const isLinkOnPath = viaLink && (path === pattern || under(pattern, path));
        const dest = (p) => {
            const rel = p === resolved ? null : p.slice(resolved === '.' ? 0 : resolved.length + 1);
            if (isExcluded(rules, rel ?? external_node_path_.posix.basename(pattern)))
                return null;
            if (rel !== null)
                return layerPath(external_node_path_.posix.join(destAbs, rel));
            return layerPath(dirDest ? external_node_path_.posix.join(destAbs, external_node_path_.posix.basename(pattern)) : destAbs);
        };
        if (step.keyword === 'ADD' && root?.type === 'file' && (path === resolved || isLinkOnPath)) {
            const archive = await archiveTargets((0,external_node_path_.join)(ctx.context, resolved), destAbs);
            if (archive !== null)
                return archive;
        }
        if (isLinkOnPath) {
            if (root === undefined)
                return { unprovable: `${path} points at nothing in the context` };
            const targets = [];
            for (const e of ctx.byPath.values()) {
                if (e.type === 'dir' || !under(e.path, resolved))
                    continue;
                const d = dest(e.path);
                if (d !== null)
                    targets.push({ dest: d, expected: e });
            }
            return { targets };
        }
        if (viaLink && under(path, resolved)) {
            const d = dest(path);
            return { targets: d === null ? [] : [{ dest: d, expected }] };
        }
    }
    if (step.keyword === 'ADD' && expected?.type === 'file') {
        const archive = await archiveTargets((0,external_node_path_.join)(ctx.context, path), destAbs);
        if (archive !== null && step.sources.some(s => cleanRel(s) === path))
            return archive;
    }
    const d = destinationFor(step, path);
    if (d === null) {
        return {
            unprovable: step.keyword === 'ADD' && expected === null
                ? `cannot tell what the removed ${path} unpacked to`
                : `cannot tell where ${path} lands in the image`
        };
    }
    return { targets: [{ dest: layerPath(d), expected }] };
}
/** Archive kind by the bytes, as BuildKit's ADD detects it (not by the name). */
async function archiveKind(file) {
    const fh = await (0,promises_.open)(file, 'r').catch(() => null);
    if (fh === null)
        return null;
    try {
        const head = Buffer.alloc(512);
        const { bytesRead } = await fh.read(head, 0, 512, 0);
        const b = head.subarray(0, bytesRead);
        if (b[0] === 0x1f && b[1] === 0x8b)
            return 'gzip';
        if (b.subarray(0, 3).toString('latin1') === 'BZh')
            return 'bzip2';
        if (b.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])))
            return 'xz';
        if (b.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])))
            return 'zstd';
        if (bytesRead >= 262 && b.subarray(257, 262).toString('latin1') === 'ustar')
            return 'tar';
        return null;
    }
    finally {
        await fh.close();
    }
}
/**
 * The members a local archive unpacks to under `destAbs`, or null when the file is not an
 * archive (ADD then copies it). Files, symlinks and hard links are compared; directories only
 * hold them.
 */
async function archiveTargets(file, destAbs) {
    const kind = await archiveKind(file);
    if (kind === null)
        return null;
    if (kind !== 'tar' && kind !== 'gzip') {
        return { unprovable: `a ${kind} archive: its members are not read here` };
    }
    const raw = await (0,promises_.readFile)(file);
    const extract = tar_stream.extract();
    const source = external_node_stream_.Readable.from([raw]);
    const targets = [];
    const digests = new Map();
    const done = (async () => {
        for await (const entry of extract) {
            const h = entry.header;
            const name = cleanRel(h.name);
            if (name === '.') {
                entry.resume();
                continue;
            }
            const dest = layerPath(external_node_path_.posix.join(destAbs, name));
            const mode = (h.mode ?? 0) & 0o7777;
            if (h.type === 'file' || h.type === 'contiguous-file') {
                const hash = (0,external_node_crypto_.createHash)('sha256');
                for await (const chunk of entry)
                    hash.update(chunk);
                const digest = `sha256:${hash.digest('hex')}`;
                digests.set(name, digest);
                targets.push({
                    dest,
                    member: name,
                    expected: { path: name, type: 'file', mode, size: h.size ?? 0, digest }
                });
                continue;
            }
            if (h.type === 'symlink') {
                const target = h.linkname ?? '';
                targets.push({
                    dest,
                    member: name,
                    expected: {
                        path: name,
                        type: 'symlink',
                        mode: 0o777,
                        size: 0,
                        linkTarget: target,
                        digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(target).digest('hex')}`
                    }
                });
            }
            else if (h.type === 'link') {
                const digest = digests.get(cleanRel(h.linkname ?? ''));
                if (digest !== undefined)
                    targets.push({
                        dest,
                        member: name,
                        expected: { path: name, type: 'file', mode, size: 0, digest }
                    });
            }
            entry.resume();
        }
    })();
    try {
        if (kind === 'gzip')
            source
                .pipe((0,external_node_zlib_.createGunzip)())
                .on('error', e => extract.destroy(e))
                .pipe(extract);
        else
            source.pipe(extract);
        await done;
    }
    catch (e) {
        return {
            unprovable: `the archive cannot be read (${e instanceof Error ? e.message : String(e)})`
        };
    }
    return { targets };
}

;// CONCATENATED MODULE: ./src/pipeline/proof.ts




/**
 * History entries a build appended after the target stage's last instruction. The legacy builder
 * turns every `--label` into a trailing `LABEL` step (measured with the 28.x client: `Step 3/7 :
 * LABEL ...` after a 2-instruction Dockerfile), each with its own history entry; its `Step N/M`
 * total counts them. BuildKit writes labels into the config only: 0.
 */
function appendedEntries(log, plan, stageName, service = null) {
    if (log.format !== 'legacy')
        return 0;
    const stage = plan.stages.find(s => s.name === stageName);
    const totals = log.steps
        .filter(s => service === null || s.service === null || s.service === service)
        .map(s => s.total);
    if (!stage || totals.length === 0)
        return 0;
    return Math.max(0, Math.max(...totals) - (stage.fromOrdinal + stage.instructions - 1));
}
/**
 * Byte proof: for each request, reads the layer the step itself wrote (so a later RUN that
 * rewrites or deletes the files cannot hide what the COPY wrote) and compares each changed path
 * with the context. One `docker save` per stage image, reading only the wanted paths.
 */
async function proveSteps(requests, deps) {
    const out = new Map();
    const steps = new Map(deps.plan.steps.map(s => [stepKey(s), s]));
    const byStage = new Map();
    for (const r of requests)
        byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), r]);
    for (const [stage, reqs] of byStage) {
        const fail = (why) => {
            for (const r of reqs)
                out.set(r.key, { key: r.key, files: [], unprovable: why });
        };
        try {
            const built = stage === deps.finalStage && deps.final ? deps.final : await deps.stageImage(stage);
            const proved = await proveStage(built, stage, reqs, steps, deps);
            for (const p of proved)
                out.set(p.key, p);
        }
        catch (e) {
            fail(errorMessage(e));
        }
    }
    return out;
}
async function proveStage({ image, appended }, stageName, reqs, steps, deps) {
    const stage = deps.plan.stages.find(s => s.name === stageName);
    if (!stage)
        throw new Error(`stage ${stageName} is not in the Dockerfile`);
    const info = await inspectImage(deps.exec, image);
    // The image's last stage is this one: its history ends with this stage's instructions, then
    // whatever the builder appended.
    const base = stageBaseLength(info.history.length - appended, [stage.instructions]);
    const outcomes = [];
    const byPath = new Map(deps.entries.map(e => [e.path, e]));
    const pending = [];
    for (const req of reqs) {
        const step = steps.get(req.key);
        if (!step) {
            outcomes.push({ key: req.key, files: [], unprovable: 'step not found in the Dockerfile' });
            continue;
        }
        const position = step.position ?? step.ordinal - stage.fromOrdinal + 1;
        const layer = layerForStep(info.history, base, position);
        const diffId = layer === null ? undefined : info.diffIds[layer];
        if (diffId === undefined) {
            outcomes.push({
                key: req.key,
                files: [],
                unprovable: `the image history of ${image} has no layer for line ${step.line}`
            });
            continue;
        }
        const targets = new Map();
        const unproven = new Map();
        for (const { path, expected } of req.paths) {
            const t = await layerTargets(step, path, expected, { context: deps.context, byPath });
            if ('unprovable' in t)
                unproven.set(path, t.unprovable);
            else
                targets.set(path, t.targets);
        }
        pending.push({ req, diffId, targets, unproven });
    }
    if (pending.length === 0)
        return outcomes;
    const wanted = pending
        .map(p => ({ diffId: p.diffId, paths: [...p.targets.values()].flat().map(t => t.dest) }))
        .filter(w => w.paths.length > 0);
    const layers = await readWantedLayers(deps.exec, info, wanted, r => {
        if (r.fromStore.length > 0) {
            deps.say?.(`proof: ${r.fromStore.length} layer(s) read from the layer store on this host`);
        }
        if (r.fromSave.length > 0)
            deps.say?.(`proof: ${r.fromSave.length} layer(s) read from docker save`);
    });
    for (const { req, diffId, targets, unproven } of pending) {
        const entries = layers.get(diffId) ?? new Map();
        const step = steps.get(req.key);
        const files = [];
        for (const { path } of req.paths) {
            const why = unproven.get(path);
            if (why !== undefined) {
                files.push({ path, ok: false, detail: why, unproven: true });
                continue;
            }
            // A path that lands nowhere (excluded by --exclude) has nothing to prove.
            const bad = (targets.get(path) ?? [])
                .map(t => {
                const actual = entries.get(t.dest) ?? { type: 'missing', mode: 0 };
                const r = compareEntry(path, t.expected, actual, step.flags.chmod !== undefined);
                return t.member !== undefined && !r.ok ? { ...r, detail: `${t.member}: ${r.detail}` } : r;
            })
                .find(r => !r.ok);
            files.push(bad ?? { path, ok: true, detail: '' });
        }
        outcomes.push({ key: req.key, files });
    }
    return outcomes;
}
/** Does the layer hold what the context holds? Owner is never compared (COPY may --chown). */
function compareEntry(path, expected, actual, chmodFlag) {
    const ok = () => ({ path, ok: true, detail: '' });
    const bad = (detail) => ({ path, ok: false, detail });
    if (expected === null) {
        return actual.type === 'missing' || actual.type === 'whiteout'
            ? ok()
            : bad('removed from the context but still in the layer');
    }
    if (actual.type === 'missing' || actual.type === 'whiteout')
        return bad('missing from the layer');
    if (actual.type !== expected.type)
        return bad(`is a ${actual.type} in the layer, a ${expected.type} in the context`);
    if (expected.type === 'symlink' && actual.linkTarget !== expected.linkTarget) {
        return bad(`links to ${actual.linkTarget ?? '?'} in the layer, ${expected.linkTarget ?? '?'} in the context`);
    }
    if (expected.type === 'file' && actual.digest !== expected.digest) {
        return bad(actual.digest === undefined
            ? 'a hard link in the layer whose bytes were not read'
            : `old bytes in the layer (${actual.digest.slice(7, 19)}, context ${expected.digest?.slice(7, 19) ?? '?'})`);
    }
    if (!chmodFlag && (actual.mode & 0o777) !== (expected.mode & 0o777)) {
        return bad(`mode ${(actual.mode & 0o777).toString(8)} in the layer, ${(expected.mode & 0o777).toString(8)} in the context`);
    }
    return ok();
}

;// CONCATENATED MODULE: ./src/pipeline/stages/build.ts






/** A docker build that failed: an error (exit 2), not a verdict. */
class BuildFailedError extends error/* FreshBuildError */.n {
}
/**
 * `build`: re-send what changed, or prune, when the context diverged (cure.ts), build with
 * identity, parse the log as it streams.
 */
async function buildSource(run) {
    const host = await detectHost(run);
    const diverged = run.previous === null || run.previous.contextHash !== run.hashed.contextHash;
    const { pruned, vouched, resent } = await cureStage({
        exec: run.docker(),
        kind: host.kind,
        policy: run.opts.prune,
        previous: run.previous,
        diverged,
        statePath: run.statePath,
        context: run.opts.context,
        dockerfile: run.opts.file,
        entries: run.files.entries,
        files: run.files.signatures,
        listing: await run.sourcesBefore,
        say: run.say
    });
    const options = buildOptions(run, host, diverged);
    const { log, imageId } = await buildFinal(run, host, options);
    // Listed now, overlapping the proofs, unless a stage build (which syncs too) comes after.
    let after = vouched ? listLocalSources(run.docker()) : null;
    const stages = stageImages(run, host, options, () => (after = null));
    return {
        builder: host.kind,
        pruned,
        log,
        imageId,
        final: imageId
            ? { image: imageId, appended: appendedEntries(log, run.hashed.plan, run.finalStage) }
            : null,
        stageImage: stages.stageImage,
        // The legacy builder always sends everything; a done prune made BuildKit forget what it had.
        contextResent: host.kind === 'legacy' || pruned?.done === true,
        cleanup: stages.cleanup,
        resent: new Set(resent ?? []),
        keepState: vouched
            ? async (record) => {
                await keepBuilderState({
                    statePath: run.statePath,
                    record,
                    context: run.opts.context,
                    dockerfile: run.opts.file,
                    before: await run.sourcesBefore,
                    after: await (after ?? listLocalSources(run.docker()))
                }).catch(e => run.say(`the builder state was not kept (the next changed build prunes): ${String(e)}`));
            }
            : null
    };
}
async function detectHost(run) {
    const host = await (run.hostInfo ?? detectBuilder(run.docker(), run.io.env));
    run.say(`builder: ${host.kind} (${host.reason})`);
    run.warnings.push(...host.warnings);
    return host;
}
/** The final build's options; its labels carry the record of this build (files left out). */
function buildOptions(run, host, diverged) {
    const { opts, identity } = run;
    const labels = (0,record/* recordLabels */.FZ)((0,record/* newRecord */.Mx)({
        contextHash: run.hashed.contextHash,
        files: {},
        steps: run.steps,
        commit: identity.commit,
        buildId: identity.buildId,
        imageId: null,
        tags: opts.tags,
        dockerfile: opts.file,
        inputs: run.hashed.inputs
    }));
    return {
        context: opts.context,
        file: opts.file,
        tags: opts.tags,
        buildArgs: run.buildArgs,
        cacheFrom: opts.cacheFrom,
        labels,
        noCache: pruneImpliesNoCache(opts.prune, host.kind) && diverged,
        ...(opts.target ? { target: opts.target } : {})
    };
}
async function buildFinal(run, host, options) {
    run.say(`building ${run.opts.tags.join(', ') || '(untagged)'}`);
    // Parsed while it streams; the last build's log is kept beside the record (0600).
    const parser = new LogParser();
    const built = await runBuild(run.docker(), host.kind, options, {
        onLine: line => {
            parser.write(`${line}\n`);
            run.say(line);
        },
        logPath: `${run.statePath}.build.log`
    });
    if (built.logError)
        run.warnings.push(`the build log could not be kept: ${built.logError}`);
    if (built.code !== 0) {
        const hint = run.excluded.map(e => `; ${e.source} exists but .dockerignore excludes it`);
        throw new BuildFailedError(`docker build failed (exit ${built.code}): ${run.redact(built.error ?? 'no error line')}${hint.join('')}`);
    }
    return { log: parser.end(), imageId: built.imageId };
}
/**
 * Images of earlier stages, for their proofs: each a `--target` build served from the cache the
 * final build just wrote, checked to have come from it, and removed after the proofs when it
 * was made for them alone.
 */
function stageImages(run, host, options, onStageBuild) {
    /** Untagged images the proof's stage builds made, removed once read. */
    const made = [];
    return {
        stageImage: async (stage) => {
            run.say(`building stage ${stage} from cache, to read the layers it wrote`);
            onStageBuild();
            const built = await buildStage(run.docker(), host.kind, options, stage);
            if (built.created)
                made.push(built.image);
            return {
                image: built.image,
                appended: appendedEntries(reusedCache(built.log, stage), run.hashed.plan, stage)
            };
        },
        cleanup: () => removeUntagged(run.docker(), made)
    };
}
/** A `--target stage` build of the same options; `created`: the image is new and ours. */
async function buildStage(exec, kind, options, stage) {
    // No labels (the legacy builder would append steps for them) and never --no-cache: the
    // point is to get back the layers this build just wrote.
    const existing = await imageIds(exec);
    const parser = new LogParser();
    const r = await runBuild(exec, kind, { ...options, tags: [], labels: {}, noCache: false, target: stage }, { onLine: line => parser.write(`${line}\n`) });
    if (r.code !== 0 || !r.imageId)
        throw new Error(`building stage ${stage} failed: ${r.error ?? ''}`);
    // BuildKit exports a new untagged image; a legacy stage image is a cached intermediate of
    // the build itself, and removing it would drop that cache. An image that existed before
    // this stage build (an identical one somebody keeps) is never ours to remove.
    const created = kind !== 'legacy' && existing !== null && !existing.has(r.imageId);
    return { image: r.imageId, log: parser.end(), created };
}
/**
 * The stage log, when every step came back from the cache: the proof is only about this build
 * when the stage reused the layers it just wrote; a step that ran again (the cache was pruned
 * meanwhile) made other layers.
 */
function reusedCache(log, stage) {
    const again = log.steps.find(s => !s.cached && !/^(FROM|ARG)\s/i.test(s.instruction));
    if (again) {
        throw new Error(`building stage ${stage} again re-ran ${again.instruction} instead of reusing this build's cache (pruned meanwhile?), so its layers may not be the ones the image was built from`);
    }
    return log;
}
/** Every image id on the daemon, or null when they cannot be listed (then nothing is removed). */
async function imageIds(exec) {
    const r = await exec(['image', 'ls', '--all', '--quiet', '--no-trunc']).catch(() => null);
    if (!r || r.code !== 0)
        return null;
    return new Set(r.stdout
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean));
}
/**
 * Removes the untagged stage images this run created for its proofs: without force, so the
 * daemon refuses any image a container uses, and only when still untagged (a user's `--target`
 * build may have tagged the very same image id since).
 */
async function removeUntagged(exec, ids) {
    for (const id of new Set(ids)) {
        try {
            const tags = await exec(['image', 'inspect', '--format', '{{len .RepoTags}}', id]);
            if (tags.code === 0 && tags.stdout.trim() === '0')
                await exec(['image', 'rm', id]);
        }
        catch {
            // Leaving a dangling image behind is not worth failing a judged build for.
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline/stages/log.ts



/** `check`: the build another tool ran, from its log and the image it names. */
async function logSource(run) {
    const { opts } = run;
    const log = await parseLogFile(opts.logFile);
    if (log.format === 'unknown' || log.steps.length === 0) {
        throw new options_UsageError(`${opts.logFile}: no build steps found (not a docker build log?)`);
    }
    const imageId = await resolveImageId(run.docker, opts.image ?? log.imageId);
    return {
        builder: log.format === 'legacy' ? 'legacy' : 'buildkit',
        pruned: null,
        log,
        imageId,
        final: imageId
            ? {
                image: imageId,
                appended: appendedEntries(log, run.hashed.plan, run.finalStage, run.service)
            }
            : null,
        // Rebuilding another tool's intermediate stage could use other args and prove nothing.
        stageImage: stage => Promise.reject(new Error(`check mode proves the final stage only; build stage ${stage} with fresh-build build`)),
        contextResent: false,
        cleanup: () => Promise.resolve(),
        keepState: null
    };
}
/**
 * `sha256:` id of an image given by tag or short id, so reports name what was judged. The
 * daemon is needed only for proofs in check mode: when it cannot answer, the reference stays.
 */
async function resolveImageId(docker, ref) {
    if (ref === null || /^sha256:[0-9a-f]{64}$/.test(ref))
        return ref;
    const r = await docker()(['image', 'inspect', '--format', '{{.Id}}', ref]).catch(() => null);
    return r && r.code === 0 && r.stdout.trim() ? r.stdout.trim() : ref;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/source.ts


/** Stage 4: the build to judge, run here (`build`) or read from another tool's log (`check`). */
async function source(run) {
    const src = run.command === 'build' ? await buildSource(run) : await logSource(run);
    return { ...run, source: src };
}

;// CONCATENATED MODULE: ./src/context/written.ts


/**
 * Context paths changed after `since` (ms, taken before the scan began): written while this run
 * hashed and built them, like a `fresh-build build ... | tee build.log` inside the context. What
 * BuildKit received of such a file is whatever it held at that moment, so it is no source the
 * guard can judge (issue 12, class 7). A file's ctime is set by the kernel on every write and
 * cannot be put back, and never runs ahead of the clock that gave `since`.
 */
async function writtenSince(context, paths, since) {
    const out = new Set();
    await Promise.all([...new Set(paths)].map(async (p) => {
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(context, p)).catch(() => null);
        if (st !== null && st.ctimeMs >= since)
            out.add(p);
    }));
    return out;
}

;// CONCATENATED MODULE: ./src/verdict/instructions.ts
const squash = (s) => s.replace(/\s+/g, ' ').trim();
/**
 * Compares every instruction step of a BuildKit log with the Dockerfile the guard read (issue
 * 12, class 1). BuildKit reads the Dockerfile through its own local source with the context's
 * size+mtime shortcut, so a same-size, mtime-kept edit can build the OLD Dockerfile while the
 * guard reads the new one; the log then prints the old instructions. Whitespace runs are
 * compared as one space; a tty log may cut a long name (then its text must be a prefix); with
 * `looseArgs` (another tool's build, whose build args are unknown) a vertex that expands
 * build-arg variables matches with each variable standing for any text. The legacy builder
 * sends its Dockerfile with the whole context every time: its logs are not compared.
 */
function compareInstructions(vertices, stages, needed, log, opts) {
    if (log.format === 'legacy' || log.format === 'unknown')
        return [];
    const byKey = new Map(vertices.map(v => [`${v.stage}#${v.index}`, v]));
    const totals = new Map(stages.map(s => [s.name, s.total]));
    const single = stages.length === 1 ? (stages[0]?.name ?? null) : null;
    const out = [];
    for (const step of log.steps) {
        if (opts.service !== null && step.service !== null && step.service !== opts.service)
            continue;
        if (/^FROM\s/i.test(step.instruction))
            continue;
        const stage = step.stage === null ? single : step.stage.toLowerCase();
        // A nameless step of a multi-stage file, or a stage this build does not run: not ours to read.
        if (stage === null || !needed.has(stage))
            continue;
        const v = byKey.get(`${stage}#${step.index}`);
        const miss = (expected, line) => {
            out.push({ stage, index: step.index, line, expected, printed: step.instruction });
        };
        if (v === undefined || totals.get(stage) !== step.total) {
            miss(v?.instruction ?? null, v?.line ?? null);
            continue;
        }
        if (v.printed.length === 0)
            continue; // a heredoc: its printed form is not predicted
        if (!matches(v, step.instruction, log.format === 'buildkit-tty', opts.looseArgs)) {
            miss(v.instruction, v.line);
        }
    }
    return out;
}
function matches(v, printed, mayBeCut, looseArgs) {
    const got = squash(printed).replace(/\.\.\.$/, '');
    for (const p of v.printed) {
        const want = squash(p);
        if (want === got || (mayBeCut && got.length > 0 && want.startsWith(got)))
            return true;
    }
    if (!looseArgs || !v.usesArgs)
        return false;
    // Each `$NAME` / `${...}` of the text as written may have been any value in that build.
    const parts = squash(v.instruction).split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
    const re = new RegExp(`^${parts.map(p => p.replace(/["']/g, '').replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('.*')}$`, 's');
    return re.test(got.replace(/["']/g, ''));
}

;// CONCATENATED MODULE: ./src/verdict/judge.ts


/**
 * Which changed paths need byte proof. With `verify: changed` every changed path of every COPY/ADD
 * step is proven, also in steps that ran: BuildKit re-runs a COPY when one file changed normally
 * yet can keep a second, mtime-kept file stale inside it. That takes a context cache that was not
 * pruned: when this run re-sent the whole context (`contextResent`: a successful source.local
 * prune right before the build, or the legacy builder, which always sends everything), a step the
 * log shows RAN copied the bytes just sent, and proving it again would only cost a `docker save`.
 * Cached steps, and steps the log does not show, are always proven. RUN bind mounts leave no layer.
 */
function planProofs(steps, comparison, current, verify, seen = { logSteps: new Map(), contextResent: false }) {
    if (verify === 'none')
        return [];
    const out = [];
    for (const step of steps) {
        if (step.keyword === 'RUN')
            continue;
        const paths = judgedPaths(step, comparison, seen);
        if (paths.length === 0)
            continue;
        const key = stepKey(step);
        const all = seen.proveAll?.(step) === true;
        if (!all && seen.contextResent && seen.logSteps.get(key)?.cached === false)
            continue;
        out.push({
            key,
            stage: step.stage,
            index: step.index,
            paths: paths.map(path => ({ path, expected: current.get(path) ?? null }))
        });
    }
    return out;
}
/** The paths of a step to judge: its changed ones, or all it selects when nothing vouches. */
function judgedPaths(step, comparison, seen) {
    const changed = comparison.stepChanges.get(stepKey(step)) ?? [];
    const paths = seen.proveAll?.(step) ? [...new Set([...changed, ...step.selected])] : changed;
    return seen.skip ? paths.filter(p => !seen.skip?.has(p)) : paths;
}
/**
 * The verdict of DESIGN.md: a changed file a step reads is stale until its bytes prove it, and
 * `fresh`/`unchanged`/`baseline` promise the image holds the context's bytes: a changed file
 * the guard could not prove (a layer it cannot read, a bind mount, an archive it cannot open)
 * makes the step `stale` as unproven, never `ran`.
 */
function judge(input) {
    const { comparison, previous } = input;
    const warnings = [...input.warnings];
    const scope = { ...input.scope, contextResent: false, logSteps: input.logSteps };
    scope.contextResent = input.scope?.contextResent ?? false;
    const mismatched = new Set((input.mismatches ?? []).map(m => `${m.stage}#${m.index}`));
    const results = input.steps.map(step => {
        const key = stepKey(step);
        const seen = input.logSteps.get(key);
        const changedFiles = comparison.stepChanges.get(key);
        const changed = changedFiles !== undefined;
        const cached = seen?.cached ?? false;
        const base = {
            stage: step.stage,
            index: step.index,
            instruction: step.instruction,
            line: step.line,
            changed,
            cached,
            changedFiles: changedFiles ?? [],
            staleFiles: []
        };
        const status = (s, staleFiles = []) => ({
            ...base,
            status: s,
            staleFiles
        });
        const unproven = (files, why, stale = []) => ({
            ...base,
            status: 'stale',
            staleFiles: stale,
            unprovenFiles: [...new Set(files)],
            unproven: why
        });
        if (mismatched.has(key)) {
            return unproven(judgedPaths(step, comparison, { ...scope, proveAll: () => true }), 'the build log printed another instruction for this step: BuildKit built an old copy of the Dockerfile');
        }
        const paths = judgedPaths(step, comparison, scope);
        if (step.keyword === 'RUN') {
            if (paths.length === 0 || scope.contextResent)
                return status(cached ? 'cached' : 'ran');
            return unproven(paths, 'a bind mount leaves no copy of its sources in the image (the RUN writes only its own output), so only the cure vouches for them: prune type=source.local before the build, which the default policy does when the context changed');
        }
        if (!seen && paths.length > 0) {
            warnings.push(`line ${step.line}: ${step.instruction} was not found in the build log; judged by byte proof only`);
        }
        const proof = input.proofs.get(key);
        if (proof?.unprovable) {
            return unproven(paths, `its layer could not be read: ${proof.unprovable}`);
        }
        if (proof) {
            const bad = [...new Set(proof.files.filter(f => !f.ok && !f.unproven).map(f => f.path))];
            const unsure = proof.files.filter(f => f.unproven);
            if (unsure.length > 0) {
                return unproven(unsure.map(f => f.path), [...new Set(unsure.map(f => f.detail))].join('; '), bad);
            }
            if (bad.length > 0)
                return status('stale', bad);
            // `verified` is a cached step cleared by proof; a step that ran is `ran`, proven or not.
            return status(cached ? 'verified' : 'ran');
        }
        if (paths.length === 0)
            return status(cached ? 'cached' : 'ran');
        // Changed, not proven: a step that ran right after the cure copied what was just sent.
        // `verify: none` trusts the log: only a CACHED changed step is then stale.
        if (seen && !cached && (scope.contextResent || input.verify === 'none'))
            return status('ran');
        return unproven(paths, input.verify === 'none'
            ? 'verify: none trusts the log, and the log shows it CACHED'
            : seen
                ? 'no byte proof was made for it'
                : 'the build log does not show it, and no byte proof was made for it');
    });
    const mismatch = (input.mismatches ?? []).length > 0;
    const verdict = mismatch || results.some(r => r.status === 'stale')
        ? 'stale'
        : previous === null
            ? 'baseline'
            : input.contextHash === previous.contextHash && comparison.stepChanges.size === 0
                ? 'unchanged'
                : 'fresh';
    return {
        verdict,
        contextHash: input.contextHash,
        previousHash: comparison.previousHash,
        changedFiles: comparison.changedFiles,
        pruned: input.pruned,
        steps: results,
        causes: verdict === 'stale' ? likelyCauses(input, results) : [],
        warnings,
        imageId: input.imageId
    };
}
/** The likely causes seen in this run, most specific first. */
function likelyCauses(input, results) {
    const causes = [];
    const { facts, pruned, previous } = input;
    const imports = [...new Set([...facts.cacheImports, ...facts.cacheFrom])];
    if (imports.length > 0) {
        causes.push(`cache imported from ${imports.join(', ')} (--cache-from / inline cache) serves layers built from other bytes, even after a prune`);
    }
    if (facts.builder === 'legacy') {
        causes.push('the legacy builder keeps its cache in images: `---> Using cache` survives `docker builder prune`; build with BuildKit (DOCKER_BUILDKIT=1 or buildx) or pass --no-cache');
    }
    if (pruned === null && facts.prunePolicy === 'never') {
        causes.push("the builder's context cache was not pruned (prune: never)");
    }
    else if (pruned && !pruned.done) {
        causes.push(`the prune did not run to completion${pruned.note ? `: ${pruned.note}` : ''}`);
    }
    for (const m of input.mismatches ?? []) {
        causes.push(m.expected === null
            ? `the build log shows [${m.stage} ${m.index}] ${m.printed}, which the Dockerfile read has not: BuildKit built an old copy of the Dockerfile (it receives the Dockerfile through its own context source, with the same size+mtime shortcut); prune type=source.local`
            : `line ${m.line ?? '?'} reads \`${m.expected}\` but the build log printed \`${m.printed}\`: BuildKit built an old copy of the Dockerfile (it receives the Dockerfile through its own context source, with the same size+mtime shortcut); prune type=source.local`);
    }
    const unsure = results.filter(r => (r.unprovenFiles ?? []).length > 0);
    for (const r of unsure) {
        causes.push(`line ${r.line}: unproven: ${(r.unprovenFiles ?? []).slice(0, 5).join(', ')}${(r.unprovenFiles ?? []).length > 5 ? ` and ${(r.unprovenFiles ?? []).length - 5} more` : ''} (${r.unproven ?? ''})`);
    }
    // Only another tool's build may have run on another daemon than the one the guard asks.
    if (facts.dockerHost && facts.command === 'check') {
        causes.push(`the build ran on the daemon at DOCKER_HOST=${facts.dockerHost}: its cache is the one that must be pruned`);
    }
    const stale = results.flatMap(r => r.staleFiles);
    const sameSize = [...new Set(stale)].filter(path => {
        const before = previous?.files[path];
        const now = input.files[path];
        if (before === undefined || now === undefined || before === now)
            return false;
        const a = (0,hash/* signatureSize */.wz)(before);
        return a !== null && a === (0,hash/* signatureSize */.wz)(now);
    });
    if (sameSize.length > 0) {
        causes.push(`same-size edit with the modification time kept (rsync -t, tar, touch -d, mtime-restoring checkouts): ${sameSize.join(', ')}; Docker re-sends a context file only when its size, mtime, mode or owner changed`);
    }
    if (causes.length === 0) {
        causes.push('the builder served a cached layer whose bytes differ from the context: prune its context cache (docker builder prune --filter type=source.local, or `fresh-build clear`)');
    }
    return causes;
}

;// CONCATENATED MODULE: ./src/verdict/match.ts

/**
 * Finds, for each Dockerfile step, the log step that reports it.
 *
 * BuildKit prints `[stage i/n]` with the stage's AS name lowercased, `stage-N` for unnamed stages
 * of a multi-stage file, and no name at all for a single-stage file; `i` counts only instructions
 * that make a vertex. The legacy builder prints a global `Step N/M` over every instruction,
 * global ARGs included. A compose log may prefix a service; pass it to keep services apart.
 */
function matchLogSteps(steps, log, service = null) {
    const seen = log.steps.filter(s => service === null || s.service === null || s.service === service);
    const out = new Map();
    if (log.format === 'legacy') {
        const byOrdinal = new Map(seen.map(s => [s.index, s]));
        for (const step of steps) {
            const hit = byOrdinal.get(step.ordinal);
            if (hit)
                out.set(stepKey(step), hit);
        }
        return out;
    }
    const named = new Map();
    const unnamed = new Map();
    for (const s of seen) {
        if (s.stage === null)
            unnamed.set(s.index, [...(unnamed.get(s.index) ?? []), s]);
        else
            named.set(`${s.stage.toLowerCase()}#${s.index}`, s);
    }
    for (const step of steps) {
        const byName = named.get(`${step.stage.toLowerCase()}#${step.index}`);
        if (byName) {
            out.set(stepKey(step), byName);
            continue;
        }
        // A nameless `[i/n]` is only unambiguous when exactly one candidate matches the total too.
        const candidates = (unnamed.get(step.index) ?? []).filter(s => s.total === step.total);
        if (candidates.length === 1 && candidates[0])
            out.set(stepKey(step), candidates[0]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/prove.ts








/**
 * Stage 5: match the log to the Dockerfile (steps, and the instruction text it printed), then
 * prove by the image's bytes what nothing else vouches for: changed files, and every copied
 * file when there is no record and no cure, or in check mode (which pruned nothing).
 */
async function prove(run) {
    const { source, steps, opts } = run;
    const logSteps = matchLogSteps(steps, source.log, run.service);
    const unvouched = run.previous === null && !source.contextResent && opts.verify !== 'none';
    const proveAll = (s) => run.command === 'check' && opts.verify !== 'none'
        ? unvouched || (s.stage === run.finalStage && s.keyword !== 'RUN')
        : unvouched;
    const skip = await notJudged(run, proveAll);
    for (const p of skip) {
        run.warnings.push(`${p} was written while the build ran (the build's own output, e.g. a log); it is not judged as a source: keep such files outside the context`);
    }
    const scope = { logSteps, contextResent: source.contextResent, proveAll, skip };
    const mismatches = compareInstructions(run.hashed.plan.vertices, run.hashed.plan.stages, neededStages(run.hashed.plan, opts.target ?? undefined), source.log, { service: run.service, looseArgs: run.command === 'check' });
    const requests = planProofs(steps, run.comparison, run.files.byPath, opts.verify, scope);
    if (requests.length > 0) {
        run.say(`proving ${requests.reduce((n, r) => n + r.paths.length, 0)} path(s) by their bytes in the image`);
    }
    const proofs = requests.length > 0
        ? await proveSteps(requests, {
            exec: run.docker(),
            plan: run.hashed.plan,
            finalStage: run.finalStage,
            final: source.final,
            stageImage: source.stageImage,
            say: run.say,
            context: opts.context,
            entries: run.files.entries
        })
        : new Map();
    await source.cleanup();
    return { ...run, logSteps, proofs, scope, mismatches };
}
/**
 * Context paths this run must not judge: the check-mode log and the build log the guard keeps
 * (when inside the context), and any path it would judge that was written after the run began
 * (the build's own output, e.g. `... | tee build.log` in the context).
 */
async function notJudged(run, proveAll) {
    const { opts } = run;
    const inside = (file) => {
        if (file === null)
            return null;
        const rel = (0,external_node_path_.relative)(opts.context, file);
        return rel === '' || rel.startsWith('..') || rel.startsWith(external_node_path_.sep)
            ? null
            : rel.split(external_node_path_.sep).join('/');
    };
    const out = new Set();
    for (const f of [run.command === 'check' ? opts.logFile : null, `${run.statePath}.build.log`]) {
        const rel = inside(f);
        if (rel !== null && run.files.byPath.has(rel))
            out.add(rel);
    }
    const judged = new Set();
    for (const s of run.steps) {
        for (const p of run.comparison.stepChanges.get(stepKey(s)) ?? [])
            judged.add(p);
        if (proveAll(s))
            for (const p of s.selected)
                judged.add(p);
    }
    for (const p of await writtenSince(opts.context, judged, run.startedAt)) {
        // The cure's own touch is not a write by the build: those files are judged like any other.
        if (!run.source.resent?.has((0,external_node_path_.join)(opts.context, p)))
            out.add(p);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/stages/judge.ts

/** Stage 6: the verdict, from plain data. */
function judgeRun(run) {
    const { source, opts } = run;
    const judgement = judge({
        contextHash: run.hashed.contextHash,
        files: run.files.signatures,
        steps: run.steps,
        previous: run.previous,
        comparison: run.comparison,
        logSteps: run.logSteps,
        proofs: run.proofs,
        pruned: source.pruned,
        verify: opts.verify,
        facts: {
            builder: source.builder,
            cacheFrom: opts.cacheFrom,
            cacheImports: source.log.cacheImports,
            dockerHost: run.io.env.DOCKER_HOST || null,
            prunePolicy: opts.prune,
            command: run.command
        },
        warnings: run.warnings,
        imageId: source.imageId,
        scope: run.scope,
        mismatches: run.mismatches
    });
    return { ...run, judgement };
}

;// CONCATENATED MODULE: ./src/pipeline/stages/record.ts

/** Stage 7: a build that is not stale becomes the last good build; a stale one leaves it. */
async function record_record(run) {
    const { opts, identity } = run;
    if (run.judgement.verdict === 'stale') {
        run.say(`stale: the record at ${run.statePath} is left at the last good build`);
        return;
    }
    const written = (0,record/* newRecord */.Mx)({
        contextHash: run.hashed.contextHash,
        files: run.files.signatures,
        steps: run.steps,
        commit: identity.commit,
        buildId: run.command === 'build' ? identity.buildId : opts.buildId,
        imageId: run.source.imageId,
        tags: opts.tags,
        dockerfile: opts.file,
        inputs: run.hashed.inputs
    });
    await (0,record/* writeRecord */.rh)(run.statePath, written);
    run.say(`record updated: ${run.statePath}`);
    await run.source.keepState?.(written);
}

;// CONCATENATED MODULE: ./src/pipeline/stages/report.ts

/** Stage 8: what the adapters report, the judgement redacted. */
function report(run) {
    // A service's secret values may come from its compose file, which only this run knows: the
    // judgement leaves here redacted, for every report that prints it.
    return {
        service: run.service,
        judgement: (0,text_safety/* redactDeep */.KL)(run.judgement, run.redact),
        dockerfile: run.opts.file,
        statePath: run.statePath,
        endLines: new Map(run.steps.map(s => [s.line, s.endLine]))
    };
}
/**
 * The JSON document of a run, for `--json` and the action's `report` output: a single build's
 * judgement, or one judgement per compose service, named.
 */
function reportDocument(results) {
    const [only] = results;
    if (results.length === 1 && only && only.service === null)
        return only.judgement;
    return results.map(r => ({ service: r.service, ...r.judgement }));
}

;// CONCATENATED MODULE: ./src/pipeline/guard.ts













/** `build` or `check` for one Dockerfile, or for every service of a compose file. */
async function runGuard(command, opts, compose, io) {
    if (!compose)
        return [await guardOne(command, opts, null, io)];
    // Loaded only for a compose file: the YAML reader is a chunk of its own in the bundle.
    const { composeGuardOptions } = await Promise.all(/* import() */[__nccwpck_require__.e(243), __nccwpck_require__.e(9)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8009));
    const services = await composeGuardOptions(compose, opts, io.env, { progress: io.progress });
    const results = [];
    for (const { service, options } of services) {
        io.progress(`== service ${service}`);
        results.push(await guardOne(command, options, service, io));
    }
    return results;
}
/** prepare, hash, then under the record's lock: compare, source, prove, judge, record; report. */
async function guardOne(command, opts, service, io) {
    const hashed = await hashStage(await prepare(command, opts, service, io));
    const judged = await (0,record/* withRecordLock */.D4)(hashed.statePath, async () => {
        const compared = await compare(hashed);
        const proven = await prove(await source(compared));
        const run = judgeRun(proven);
        await record_record(run);
        return run;
    });
    return report(judged);
}

// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __nccwpck_require__(4964);
;// CONCATENATED MODULE: ./src/github/caches.ts


/** The clear stopped: the message is one line and says what was already deleted. */
class ActionsCacheError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'ActionsCacheError';
    }
}
const PER_PAGE = 100;
/** 100,000 entries: far beyond the 10 GB a repository's cache holds in practice. */
const MAX_PAGES = 1000;
const MAX_ATTEMPTS = 4;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_WAIT_MS = 90_000;
/** GitHub's advice for a secondary rate limit without retry-after: wait at least a minute. */
const SECONDARY_WAIT_MS = 60_000;
/**
 * The scope from the action's inputs, or null when none of them asks for an Actions cache clear.
 * Throws UsageError for a ref that is not a full ref (the API matches `refs/heads/main`, never
 * `main`, so a short name would silently match nothing) and for `all` combined with a filter.
 */
function parseCacheScope(keyPrefix, ref, all, names = { keyPrefix: 'gha-cache-key-prefix', ref: 'gha-cache-ref', all: 'gha-cache-all' }) {
    const prefix = keyPrefix.trim();
    const r = ref.trim();
    if (all && (prefix || r)) {
        throw new UsageError(`input ${names.all}: deletes every Actions cache entry, so it cannot be combined with ${prefix ? names.keyPrefix : names.ref}`);
    }
    if (r && !/^refs\/\S+$/.test(r)) {
        throw new UsageError(`input ${names.ref}: "${visible(r)}" is not a full ref (e.g. refs/heads/main, refs/pull/7/merge)`);
    }
    if (!all && !prefix && !r)
        return null;
    return { keyPrefix: prefix || null, ref: r || null, all };
}
/** Exactly the entries of the scope: the API's own filters are not trusted to be exact. */
function inScope(entry, scope) {
    if (scope.keyPrefix !== null && !entry.key.startsWith(scope.keyPrefix))
        return false;
    if (scope.ref !== null && entry.ref !== scope.ref)
        return false;
    return scope.all || scope.keyPrefix !== null || scope.ref !== null;
}
/** `key prefix "x", ref refs/heads/main`, or `every entry`. */
function describeScope(scope) {
    const parts = [
        ...(scope.keyPrefix !== null ? [`key prefix "${(0,text_safety/* visible */.RK)(scope.keyPrefix)}"`] : []),
        ...(scope.ref !== null ? [`ref ${(0,text_safety/* visible */.RK)(scope.ref)}`] : [])
    ];
    return parts.length > 0 ? parts.join(', ') : 'every entry';
}
/**
 * Deletes the scope's entries and reports them. Refuses an empty scope without `all`. Errors
 * are ActionsCacheError with one line: a 403 names the `actions: write` permission, a rate limit
 * says when it resets; either says how many entries were deleted before it.
 */
async function clearActionsCaches(target, io) {
    const { owner, repo, scope } = target;
    if (!scope.all && scope.keyPrefix === null && scope.ref === null) {
        throw new options_UsageError(`refusing to delete every Actions cache entry of ${owner}/${repo}: give a key prefix or a ref, or all`);
    }
    const client = await octokit(target.token, target.baseUrl ?? process.env.GITHUB_API_URL);
    const api = new Api(target, io);
    const where = `${owner}/${repo}`;
    io.progress(`GitHub Actions cache of ${where}: listing ${describeScope(scope)}`);
    let listing;
    try {
        listing = await listScope(client, api, target);
    }
    catch (e) {
        throw e instanceof ActionsCacheError
            ? new ActionsCacheError(`${e.message}; nothing was deleted`, e.status)
            : e;
    }
    const { listed, matching } = listing;
    const matchedBytes = matching.reduce((n, e) => n + e.sizeInBytes, 0);
    io.progress(`${matching.length} of ${listed} listed entries match (${matchedBytes} bytes); deleting them`);
    const deleted = [];
    let alreadyGone = 0;
    for (const entry of matching) {
        try {
            await api.call(`deleting cache ${entry.id}`, signal => client.rest.actions.deleteActionsCacheById({
                owner,
                repo,
                cache_id: entry.id,
                request: { signal }
            }));
            deleted.push(entry);
            io.progress(`deleted ${(0,text_safety/* visible */.RK)(entry.key)} (${(0,text_safety/* visible */.RK)(entry.ref)}, ${entry.sizeInBytes} bytes)`);
        }
        catch (e) {
            if (!(e instanceof ActionsCacheError))
                throw e;
            if (e.status === 404) {
                alreadyGone++;
                io.progress(`already gone: ${(0,text_safety/* visible */.RK)(entry.key)} (${(0,text_safety/* visible */.RK)(entry.ref)})`);
                continue;
            }
            const done = deleted.length === 0
                ? 'nothing was deleted'
                : `${deleted.length} of ${matching.length} matching entries were deleted before it`;
            throw new ActionsCacheError(`${e.message}; ${done}`, e.status);
        }
    }
    return {
        repository: where,
        keyPrefix: scope.keyPrefix,
        ref: scope.ref,
        all: scope.all,
        listed,
        matched: matching.length,
        deleted,
        deletedBytes: deleted.reduce((n, e) => n + e.sizeInBytes, 0),
        alreadyGone
    };
}
/** Every page of the API's listing for the scope, then exactly the entries in it. */
async function listScope(client, api, { owner, repo, scope }) {
    const seen = new Set();
    const matching = [];
    for (let page = 1;; page++) {
        if (page > MAX_PAGES) {
            throw new ActionsCacheError(`GitHub Actions cache of ${owner}/${repo}: more than ${MAX_PAGES * PER_PAGE} entries listed: narrow the key prefix or ref`);
        }
        const data = await api.call(`list page ${page}`, signal => client.rest.actions.getActionsCacheList({
            owner,
            repo,
            per_page: PER_PAGE,
            page,
            ...(scope.keyPrefix !== null ? { key: scope.keyPrefix } : {}),
            ...(scope.ref !== null ? { ref: scope.ref } : {}),
            request: { signal }
        }));
        const raw = Array.isArray(data?.actions_caches) ? data.actions_caches : [];
        for (const item of raw) {
            const entry = cacheEntry(item);
            // Entries created while listing shift later pages: an id seen twice is one entry.
            if (entry === null || seen.has(entry.id))
                continue;
            seen.add(entry.id);
            if (inScope(entry, scope))
                matching.push(entry);
        }
        if (raw.length < PER_PAGE)
            return { listed: seen.size, matching };
    }
}
function cacheEntry(item) {
    if (typeof item !== 'object' || item === null)
        return null;
    const { id, key, ref, size_in_bytes: size } = item;
    // An entry without an id cannot be deleted, and one without key or ref cannot be matched.
    if (typeof id !== 'number' || typeof key !== 'string' || typeof ref !== 'string')
        return null;
    return { id, key, ref, sizeInBytes: typeof size === 'number' && size >= 0 ? size : 0 };
}
async function octokit(token, baseUrl) {
    // Imported on use: loading @actions/github reads the event file and env, which the CLI never needs.
    const { getOctokit } = await __nccwpck_require__.e(/* import() */ 157).then(__nccwpck_require__.bind(__nccwpck_require__, 157));
    return getOctokit(token, baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {});
}
/** One bounded, rate-limit-aware request at a time, sharing one wait budget. */
class Api {
    io;
    waitLeft;
    timeoutMs;
    redact;
    where;
    constructor(target, io) {
        this.io = io;
        this.waitLeft = target.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
        this.timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.redact = (0,text_safety/* redactor */.$p)([target.token]);
        this.where = `${target.owner}/${target.repo}`;
    }
    async call(what, send) {
        for (let attempt = 1;; attempt++) {
            const signal = AbortSignal.timeout(this.timeoutMs);
            try {
                return (await send(signal)).data;
            }
            catch (e) {
                if (signal.aborted) {
                    throw new ActionsCacheError(`GitHub Actions cache of ${this.where}: ${what}: no answer within ${seconds(this.timeoutMs)}`);
                }
                const status = httpStatus(e);
                const reason = this.reason(e);
                const limit = rateLimit(e, status, reason);
                const retryable = limit !== null || (status !== undefined && status >= 502 && status <= 504);
                const wait = limit?.waitMs ?? 1000 * attempt;
                if (retryable && attempt < MAX_ATTEMPTS && wait <= this.waitLeft) {
                    this.waitLeft -= wait;
                    this.io.progress(`${what}: HTTP ${status} (${limit ? 'rate limited' : reason}); retrying in ${seconds(wait)}`);
                    await (this.io.sleep ?? sleep)(wait);
                    continue;
                }
                throw new ActionsCacheError(this.failure(what, status, reason, limit, attempt), status);
            }
        }
    }
    reason(e) {
        const text = e instanceof Error ? e.message : String(e);
        return (0,text_safety/* visible */.RK)(this.redact(text).replace(/\s+/g, ' ').trim());
    }
    failure(what, status, reason, limit, attempts) {
        const head = `GitHub Actions cache of ${this.where}: ${what}: ${status === undefined ? '' : `HTTP ${status}: `}${reason}`;
        if (limit !== null) {
            return limit.resetAt !== null
                ? `${head}: rate limited until ${limit.resetAt.toISOString().replace(/\.\d+Z$/, 'Z')} (in ${seconds(limit.waitMs)}): run the clear again after it`
                : `${head}: rate limited (retry after ${seconds(limit.waitMs)}), still after ${attempts} tries: run the clear again later`;
        }
        if (status === 403) {
            return `${head}: the token may not delete Actions caches here: give the job \`permissions: actions: write\``;
        }
        if (status === 404) {
            return `${head}: no such repository or cache, or the token cannot see it`;
        }
        return head;
    }
}
/**
 * A 429, or a 403 that GitHub marks as a rate limit: `retry-after` (secondary limits), or
 * `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (the hourly budget). A 403 without these
 * is a permission error.
 */
function rateLimit(e, status, reason, now = Date.now()) {
    if (status !== 403 && status !== 429)
        return null;
    const headers = responseHeaders(e);
    const retryAfter = Number(headers['retry-after']);
    if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
        return { waitMs: retryAfter * 1000, resetAt: null };
    }
    const reset = Number(headers['x-ratelimit-reset']);
    if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) {
        // One second past the reset: the header is whole seconds.
        const waitMs = Math.max(0, reset * 1000 - now) + 1000;
        return { waitMs, resetAt: new Date(reset * 1000) };
    }
    if (status === 429 || /rate limit/i.test(reason)) {
        return { waitMs: SECONDARY_WAIT_MS, resetAt: null };
    }
    return null;
}
function responseHeaders(e) {
    if (typeof e !== 'object' || e === null || !('response' in e))
        return {};
    const response = e.response;
    const headers = response?.headers;
    if (typeof headers !== 'object' || headers === null)
        return {};
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v === undefined ? v : String(v)]));
}
function httpStatus(e) {
    if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number')
        return e.status;
    return undefined;
}
function seconds(ms) {
    if (ms >= 120_000)
        return `${Math.round(ms / 60_000)} min`;
    return `${Math.round(ms / 100) / 10} s`;
}
function sleep(ms) {
    return new Promise(done => setTimeout(done, ms));
}

;// CONCATENATED MODULE: ./src/pipeline/clear.ts










/**
 * Where a clear path really is. Its parent is resolved through symlinks (so `link/x` with `link`
 * pointing outside is refused) but the last component is not: a symlink is removed as a link,
 * never followed, and refused when it points outside the root. Refuses `/`, the root itself,
 * and anything outside the root.
 */
async function resolveClearPath(root, p) {
    if (p.trim() === '' || p.includes('\0'))
        throw new options_UsageError(`clear path "${p}" is empty or invalid`);
    const realRoot = await (0,promises_.realpath)(root).catch(() => {
        throw new options_UsageError(`clear: the directory ${root} does not exist, so no path in it can be cleared`);
    });
    const abs = (0,external_node_path_.resolve)(realRoot, p);
    if (abs === '/' || !(0,paths/* strictlyInside */.v)(realRoot, abs)) {
        throw new options_UsageError(`clear path "${p}" is outside ${root}: refused`);
    }
    let parent;
    try {
        parent = await (0,promises_.realpath)((0,external_node_path_.dirname)(abs));
    }
    catch {
        return abs; // the parent does not exist, so neither does the path
    }
    const target = (0,external_node_path_.join)(parent, (0,external_node_path_.basename)(abs));
    if (!(0,paths/* strictlyInside */.v)(realRoot, target)) {
        throw new options_UsageError(`clear path "${p}" leads outside ${root} through a symlink: refused`);
    }
    // Removing a link would not touch its target, but a user naming a link to a cache outside
    // expects that cache cleared: refuse rather than silently do something else.
    const link = await (0,promises_.readlink)(target).catch(() => null);
    if (link !== null) {
        const dest = (0,external_node_path_.resolve)(parent, link);
        const real = await (0,promises_.realpath)(dest).catch(() => dest);
        if (!(0,paths/* strictlyInside */.v)(realRoot, real)) {
            throw new options_UsageError(`clear path "${p}" is a symlink to ${real}, outside ${root}: refused`);
        }
    }
    return target;
}
/**
 * The workflow_dispatch cache clear: prune the builder (all records, or by filter), delete host
 * cache paths, reset the record. Builder records only: never volumes, containers or images.
 */
async function runClear(opts, io) {
    // Validate every path, and the record to reset, before touching anything.
    const targets = await Promise.all(opts.paths.map(p => resolveClearPath(opts.root, p)));
    const statePath = opts.state ??
        (0,record/* defaultStatePath */.K0)({ context: opts.context, file: opts.file, target: opts.target, env: io.env });
    await checkRecordFile(statePath);
    const exec = io.exec ?? (0,docker_exec/* dockerExec */.SW)((0,docker_exec/* dockerClient */._n)({ dockerPath: opts.docker, env: io.env }));
    const host = await detectBuilder(exec, io.env);
    const warnings = [...host.warnings];
    let commands;
    try {
        commands = clearCommands(host.kind, { all: opts.all, filters: opts.filters });
    }
    catch (e) {
        throw new options_UsageError(errorMessage(e));
    }
    if (host.kind === 'legacy') {
        warnings.push('legacy builder: its layer cache lives in images, which clear never removes; the next build should pass --no-cache');
    }
    // The Actions cache goes first, after every local check and before anything local is
    // deleted: it is the step a token or a rate limit can refuse, and a refusal then leaves the
    // builder cache, the paths and the record exactly as they were (no half-done clear).
    const actionsCache = opts.actionsCache
        ? await clearActionsCaches(opts.actionsCache, io).catch((e) => {
            if (!(e instanceof ActionsCacheError))
                throw e;
            throw new ActionsCacheError(`${e.message}; the builder cache, the paths and the record were left as they were`, e.status);
        })
        : null;
    io.progress(`pruning the builder cache: ${commands.map(c => c.join(' ')).join('; ')}`);
    const pruned = await runPrune(exec, opts.all ? 'all' : 'source', commands);
    if (!pruned.done)
        throw new Error(`builder prune failed: ${pruned.note ?? 'unknown error'}`);
    const removedPaths = [];
    const missingPaths = [];
    for (const [i, t] of targets.entries()) {
        const exists = await (0,promises_.lstat)(t).then(() => true, () => false);
        if (!exists) {
            missingPaths.push(opts.paths[i]);
            continue;
        }
        io.progress(`removing ${t}`);
        await (0,promises_.rm)(t, { recursive: true, force: true });
        removedPaths.push(opts.paths[i]);
    }
    const recordReset = await (0,promises_.rm)(statePath).then(() => true, () => false);
    // The record's companions go with it: the stat cache (digests keyed on file metadata), the
    // builder state kept for the re-send cure, and the last build log. Named from the record's own path, so nothing else can be reached.
    for (const companion of [
        statCachePathFor(statePath),
        builderStampPath(statePath),
        `${statePath}.build.log`
    ]) {
        await (0,promises_.rm)(companion, { force: true });
    }
    io.progress(recordReset ? `record reset: ${statePath}` : `no record at ${statePath}`);
    return {
        verdict: 'cleared',
        pruned,
        reclaimedBytes: pruned.reclaimedBytes,
        removedPaths,
        missingPaths,
        recordReset,
        statePath,
        warnings,
        actionsCache
    };
}
/**
 * The record file named by --state / the state-file input may be any path: delete it only when
 * it is a fresh-build record (JSON with its `version` and `contextHash`), even a malformed one,
 * never somebody else's file. A missing file is fine (nothing to reset).
 */
async function checkRecordFile(path) {
    const st = await (0,promises_.lstat)(path).catch(() => null);
    if (st === null)
        return;
    const refuse = (why) => {
        throw new options_UsageError(`clear: ${path} ${why}, so it is not reset; remove it yourself if it is`);
    };
    if (!st.isFile())
        refuse('is not a regular file');
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        refuse('does not look like a fresh-build record (not JSON)');
    }
    if (typeof value !== 'object' ||
        value === null ||
        !('version' in value) ||
        !('contextHash' in value)) {
        refuse('does not look like a fresh-build record (no version and contextHash)');
    }
}

;// CONCATENATED MODULE: ./src/report/facts.ts

/** Wording shared by the CLI text, the job summary, annotations and the commit status. */
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
function countStatuses(steps) {
    const counts = { ran: 0, cached: 0, verified: 0, stale: 0 };
    for (const s of steps)
        counts[s.status]++;
    return counts;
}
/** `builder step 3 (line 4)`: how a step is named in prose. */
function stepName(s) {
    return `${s.stage} step ${s.index} (line ${s.line})`;
}
/**
 * What the verdict means, in one short line (it fits a commit status). It can hold a stage name,
 * so renderers still escape it like any other text.
 */
function verdictExplanation(j) {
    const c = countStatuses(j.steps);
    const files = plural(j.changedFiles.length, 'changed file');
    switch (j.verdict) {
        case 'baseline':
            return 'no previous record; this build is now the reference';
        case 'unchanged':
            return 'the context matches the last good build; cached steps are expected';
        case 'fresh': {
            const proof = c.verified > 0 ? `, ${plural(c.verified, 'cached step')} proven to hold the new bytes` : '';
            return `${files}; ${plural(c.ran, 'context step')} ran${proof}`;
        }
        case 'stale': {
            const stale = j.steps.filter(s => s.status === 'stale');
            const first = stale[0];
            const where = first ? `, first ${stepName(first)}` : '';
            return `${plural(stale.length, 'step')} ${stale.length === 1 ? 'holds' : 'hold'} old bytes${where}`;
        }
    }
}
const VERDICT_EMOJI = {
    baseline: '🆕',
    unchanged: '✅',
    fresh: '✅',
    stale: '❌'
};
/** The prune line, e.g. `source cache pruned, 12.3 MB freed`, or null when nothing was tried. */
function pruneLine(p) {
    if (p === null)
        return null;
    if (p.policy === 'never')
        return `prune disabled (policy never)${p.note ? `: ${p.note}` : ''}`;
    const what = p.policy === 'all' ? 'builder cache' : 'context-sync cache (source.local)';
    if (!p.done)
        return `${what} not pruned${p.note ? `: ${p.note}` : ''}`;
    return `${what} pruned, ${(0,text_safety/* humanBytes */.p6)(p.reclaimedBytes)} freed${p.note ? ` (${p.note})` : ''}`;
}

;// CONCATENATED MODULE: ./src/report/text.ts


const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 };
const VERDICT_TONE = {
    baseline: 'cyan',
    unchanged: 'green',
    fresh: 'green',
    stale: 'red'
};
const STATUS_TONE = {
    stale: 'red',
    verified: 'green',
    cached: 'dim'
};
/** The human report for the CLI's stderr: verdict line first, then the detail. */
function renderText(j, opts = {}) {
    const redact = (0,text_safety/* redactor */.$p)(opts.secrets);
    // Every user-controlled string goes through here: redact, then show control chars.
    const safe = (s) => (0,text_safety/* visible */.RK)(redact(s));
    const paint = (tone, s) => opts.color && tone ? `\u001b[${ANSI[tone]}m${s}\u001b[0m` : s;
    const maxFiles = opts.maxFiles ?? 20;
    const out = [];
    const title = opts.title ? ` (${safe(opts.title)})` : '';
    out.push(`fresh-build${title}: ${paint(VERDICT_TONE[j.verdict], j.verdict.toUpperCase())} - ${safe(verdictExplanation(j))}`);
    const previous = j.previousHash === null ? 'no previous record' : `previous ${(0,text_safety/* shortHash */.BC)(j.previousHash)}`;
    out.push(`  context ${(0,text_safety/* shortHash */.BC)(j.contextHash)} (${previous})`);
    if (j.imageId !== null)
        out.push(`  image   ${(0,text_safety/* shortHash */.BC)(safe(j.imageId))}`);
    if (j.steps.length > 0) {
        out.push('', ...stepTable(j, safe, paint, opts.maxInstruction ?? 60));
    }
    if (j.changedFiles.length > 0) {
        out.push('', `${plural(j.changedFiles.length, 'changed file')}:`);
        out.push(...listWithMore(j.changedFiles.map(safe), maxFiles).map(f => `  ${f}`));
    }
    const prune = pruneLine(j.pruned);
    if (prune !== null)
        out.push('', `prune: ${safe(prune)}`);
    if (j.causes.length > 0) {
        out.push('', paint('red', j.verdict === 'stale' ? 'likely causes:' : 'notes:'));
        out.push(...j.causes.map(c => `  - ${safe(c)}`));
    }
    if (j.warnings.length > 0) {
        out.push('', paint('yellow', 'warnings:'));
        out.push(...j.warnings.map(w => `  - ${safe(w)}`));
    }
    // A final redaction pass catches a secret spread over two fields we joined.
    return `${redact(out.join('\n'))}\n`;
}
function stepTable(j, safe, paint, maxInstruction) {
    const header = ['STAGE', '#', 'LINE', 'INSTRUCTION', 'STATUS'];
    const rows = j.steps.map(s => [
        safe(s.stage),
        String(s.index),
        String(s.line),
        (0,text_safety/* truncate */.xv)(safe(s.instruction), maxInstruction),
        s.status
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => [...(r[i] ?? '')].length)));
    const pad = (cells) => cells.map((c, i) => {
        const w = widths[i] ?? 0;
        const gap = ' '.repeat(Math.max(0, w - [...c].length));
        return i === 1 || i === 2 ? gap + c : c + gap; // numbers right-aligned
    });
    const lines = [pad(header).join('  ').trimEnd()];
    j.steps.forEach((s, n) => {
        const cells = pad(rows[n] ?? []);
        cells[4] = paint(STATUS_TONE[s.status], s.status);
        lines.push(cells.join('  ').trimEnd());
        if (s.status === 'stale' && s.staleFiles.length > 0) {
            lines.push(`    old bytes in: ${listWithMore(s.staleFiles.map(safe), 5).join(', ')}`);
        }
        const unsure = s.unprovenFiles ?? [];
        if (s.status === 'stale' && unsure.length > 0) {
            lines.push(`    unproven: ${listWithMore(unsure.map(safe), 5).join(', ')}${s.unproven ? ` (${safe(s.unproven)})` : ''}`);
        }
    });
    return lines;
}
/** The first `max` items, then "and N more" when there are more. */
function listWithMore(items, max) {
    if (items.length <= max)
        return [...items];
    return [...items.slice(0, max), `and ${items.length - max} more`];
}

;// CONCATENATED MODULE: ./src/cli/main.ts











const defaultIo = () => ({
    stdout: s => void process.stdout.write(s),
    stderr: s => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env
});
/** Runs one CLI invocation and returns its exit code: 0 pass, 1 stale, 2 error. */
async function main_main(argv, raw = defaultIo()) {
    let parsed = null;
    let io = raw;
    // Build logs, file names and Dockerfile text reach stderr. On a GitHub runner a line of
    // them starting with `::` or `##[` would run as a workflow command (set outputs, mask,
    // annotate), so command processing is paused, with a token no output can guess.
    const token = raw.env.GITHUB_ACTIONS === 'true' ? (0,external_node_crypto_.randomBytes)(16).toString('hex') : null;
    let paused = false;
    try {
        parsed = parseCli(argv, raw.cwd, raw.env);
        // Secret build-arg values never reach any output, whichever path prints them.
        const redact = (0,text_safety/* redactor */.$p)(secretValues(parsed));
        io = { ...raw, stdout: s => raw.stdout(redact(s)), stderr: s => raw.stderr(redact(s)) };
        if (token !== null && parsed.command !== 'help' && parsed.command !== 'version') {
            raw.stderr(`::stop-commands::${token}\n`);
            paused = true;
        }
        return await dispatch(parsed, io, redact);
    }
    catch (e) {
        const debug = parsed?.debug ?? argv.includes('--debug');
        io.stderr(`fresh-build: error: ${errorMessage(e)}\n`);
        if (debug && e instanceof Error && e.stack)
            io.stderr(`${e.stack}\n`);
        return exitCodeFor(e);
    }
    finally {
        if (paused)
            raw.stderr(`::${token ?? ''}::\n`);
    }
}
/** The values of `--secret-build-arg` names, to mask everywhere. */
function secretValues(p) {
    if (p.command !== 'build' && p.command !== 'check')
        return [];
    return secretArgValues(p.guard);
}
async function dispatch(p, io, redact) {
    const emit = (doc) => io.stdout(`${JSON.stringify((0,text_safety/* redactDeep */.KL)(doc, redact), null, 2)}\n`);
    switch (p.command) {
        case 'help':
            io.stdout(USAGE);
            return 0;
        case 'version':
            io.stdout(`${version()}\n`);
            return 0;
        case 'hash': {
            const hashed = await hashContext({
                context: p.context,
                file: p.file,
                buildArgs: p.buildArgs,
                onBuild: daemonOnBuild(io.env)
            });
            const doc = hashReport(hashed);
            if (p.json)
                emit(doc);
            else {
                io.stdout(`${doc.contextHash}\n`);
                for (const s of doc.steps) {
                    io.stderr(`${s.sourceHash}  ${s.stage} ${s.index} line ${s.line}: ${s.instruction}\n`);
                }
                io.stderr(`${doc.files.length} entries in the context\n`);
            }
            return 0;
        }
        case 'parse-log': {
            const log = await parseLogFile(p.logFile);
            const doc = toParseLogJson(log);
            if (p.json)
                emit(doc);
            else {
                io.stdout(`format: ${doc.format}\n`);
                for (const s of doc.steps) {
                    const where = [s.service, s.stage].filter(Boolean).join(' ');
                    io.stdout(`${s.cached ? 'CACHED' : 'ran   '} [${where ? `${where} ` : ''}${s.index}/${s.total}] ${s.instruction}\n`);
                }
            }
            return 0;
        }
        case 'build':
        case 'check': {
            const progress = (line) => io.stderr(`${line}\n`);
            const results = await runGuard(p.command, p.guard, p.compose, {
                progress,
                env: io.env,
                cwd: io.cwd
            });
            for (const { service, judgement } of results) {
                io.stderr(renderText(judgement, { title: service ?? undefined }));
            }
            if (p.json)
                emit(reportDocument(results));
            return worst(results.map(r => r.judgement));
        }
        case 'clear': {
            // Paths are resolved inside the context: a missing one is the fault to name.
            if (p.clear.paths.length > 0)
                await checkContextDir(p.clear.context);
            const report = await runClear({ ...p.clear, root: p.clear.context }, { progress: (line) => io.stderr(`${line}\n`), env: io.env });
            if (p.json)
                emit(report);
            else
                io.stderr(`cleared: reclaimed ${report.reclaimedBytes} bytes; removed ${report.removedPaths.length} path(s); record reset: ${report.recordReset}\n`);
            return 0;
        }
    }
}
function worst(judgements) {
    return judgements.some(j => j.verdict === 'stale') ? 1 : 0;
}
function version() {
    // The bundle sits in dist/cli/; package.json two levels up in a checkout or an npm install.
    for (const rel of ['../../package.json', '../package.json']) {
        try {
            const pkg = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(new URL(rel, import.meta.url), 'utf8'));
            if (pkg.version)
                return pkg.version;
        }
        catch {
            // try the next candidate
        }
    }
    return 'unknown';
}

;// CONCATENATED MODULE: ./src/cli.ts
// The `fresh-build` CLI entry: all logic lives in cli/main.ts so tests can call it directly.

main_main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`fresh-build: error: ${String(e)}\n`);
    process.exitCode = 2;
});

