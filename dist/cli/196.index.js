export const id = 196;
export const ids = [196];
export const modules = {

/***/ 8196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bT: () => (/* binding */ fileFault),
/* harmony export */   bs: () => (/* binding */ errnoReason),
/* harmony export */   tm: () => (/* binding */ errCode)
/* harmony export */ });
/**
 * The one place that words errno codes. Two forms share the table: a reason in strerror's words
 * (`cannot read file x: permission denied (EACCES)`, as the context walk reports), and a fault of a
 * named file (`Dockerfile is not readable (permission denied): x`, as the readers of one file do).
 */
/** The errno-style code of a thrown value (`ENOENT`, `EACCES`...), when it has one. */
function errCode(e) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string')
        return e.code;
    return undefined;
}
/** strerror's words for the codes reading a file tree meets. */
const STRERROR = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files'
};
/** `permission denied (EACCES)`; an unknown code in lower case; no code: the error's message. */
function errnoReason(e, message) {
    const code = errCode(e);
    return code ? `${STRERROR[code] ?? code.toLowerCase()} (${code})` : message(e);
}
/**
 * What a named file that could not be opened is, as a predicate (`not found`, `is a directory`,
 * `is not readable (permission denied)`), or undefined for a code without one.
 */
function fileFault(code, wording = {}) {
    switch (code) {
        case 'ENOENT':
            return 'not found';
        case 'ENOTDIR':
            return 'not found (a parent is not a directory)';
        case 'EISDIR':
            return wording.directory ?? 'is a directory';
        case 'EACCES':
        case 'EPERM':
            return (wording.unreadable ?? (r => `is not readable (${r})`))(STRERROR[code]);
        case 'ELOOP':
            return 'is a symlink loop';
        default:
            return undefined;
    }
}


/***/ })

};
