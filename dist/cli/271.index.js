export const id = 271;
export const ids = [271];
export const modules = {

/***/ 5271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hints: () => (/* binding */ hints),
/* harmony export */   renderVerifyText: () => (/* binding */ renderVerifyText),
/* harmony export */   staleLines: () => (/* binding */ staleLines),
/* harmony export */   verifyJson: () => (/* binding */ verifyJson)
/* harmony export */ });
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(261);
/**
 * How a verify result reads: the JSON document of `verify --json`, the text for a person, and a
 * hint per cause saying what to run. Pure.
 */

/** The `verify --json` document (docs/json.md): verdict and one entry per container. */
function verifyJson(report) {
    return {
        verdict: report.verdict,
        targets: report.targets.map(t => ({
            container: t.container,
            service: t.service,
            image: t.image,
            expectedImage: t.expectedImage,
            expectedTag: t.expectedTag,
            repoDigests: t.repoDigests,
            status: t.status,
            mounts: t.mounts,
            files: t.files,
            containerId: t.containerId,
            startedFrom: t.startedFrom,
            imageCreated: t.imageCreated,
            expectedCreated: t.expectedCreated,
            expectedTags: t.expectedTags,
            causes: t.causes,
            details: t.details,
            hints: hints(t),
            compared: t.compared,
            rewritten: t.rewritten
        })),
        notes: report.notes,
        warnings: report.warnings
    };
}
const shell = (s) => /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
/** What to run for each cause of a target, first cause first. */
function hints(t) {
    const svc = t.service !== null ? shell(t.service) : null;
    const name = t.container !== null ? shell(t.container) : null;
    const tag = t.expectedTags[0] ?? t.expectedImage;
    const out = [];
    for (const cause of t.causes) {
        if (cause === 'not-running') {
            if (svc !== null)
                out.push(`docker compose up -d ${svc}`);
            else if (t.containerId === null)
                out.push(`start a container from ${tag}`);
            else
                out.push(`docker logs ${name ?? ''}, then docker start ${name ?? ''}`);
        }
        else if (cause === 'old-image') {
            // A registry digest: recreating from a tag this host pulled before starts the old image.
            const pull = t.expectedImage.includes('@sha256:')
                ? svc !== null
                    ? `docker compose pull ${svc}, then `
                    : `docker pull ${shell(t.expectedTag ?? t.expectedImage)}, then `
                : '';
            out.push(svc !== null
                ? `${pull}docker compose up -d --force-recreate ${svc} (the tag to deploy: ${tag})`
                : `${pull}recreate ${name ?? 'the container'} from ${tag}, the tag to deploy`);
        }
        else if (cause === 'shadowed') {
            for (const m of t.mounts.filter(x => x.shadowing)) {
                if (m.anonymous) {
                    out.push(svc !== null
                        ? `docker compose up -d --force-recreate --renew-anon-volumes ${svc} (the anonymous volume at ${m.destination} keeps an earlier build's files)`
                        : `recreate ${name ?? 'the container'} without reusing its anonymous volume at ${m.destination} (docker compose: --renew-anon-volumes)`);
                }
                else if (m.type === 'volume') {
                    out.push(`the volume ${m.name ?? ''} keeps an earlier build's files at ${m.destination}: do not mount it over a COPY destination, or refresh its content from the image`);
                }
                else if (m.type === 'tmpfs') {
                    out.push(`do not mount a tmpfs over ${m.destination}, where the build copies files`);
                }
                else {
                    out.push(`the ${m.type} mount of ${m.source ?? '?'} at ${m.destination} replaces what the build copied there: remove it for deploys`);
                }
            }
        }
        else if (cause === 'bytes-differ') {
            out.push(svc !== null
                ? `docker compose up -d --force-recreate ${svc} (files were changed inside the running container)`
                : `recreate ${name ?? 'the container'} from ${tag} (files were changed inside the running container)`);
        }
    }
    return out;
}
/** The report for a person (stderr in the CLI, the log in the action). */
function renderVerifyText(report) {
    const stale = report.targets.filter(t => t.status !== 'live');
    const head = report.verdict === 'live'
        ? `fresh-build verify: LIVE - ${report.targets.length} container(s) run the build`
        : `fresh-build verify: STALE - ${stale.length} of ${report.targets.length} target(s) do not run the build`;
    const rows = report.targets.map(t => [t.container ?? '(none)', t.service ?? '-', t.status]);
    const widths = [0, 1].map(i => Math.max(i === 0 ? 9 : 7, ...rows.map(r => (r[i] ?? '').length)));
    const pad = (s, i) => s.padEnd(widths[i] ?? 0);
    const lines = [head, ...report.notes, `${pad('CONTAINER', 0)}  ${pad('SERVICE', 1)}  STATUS`];
    for (const t of report.targets) {
        lines.push(`${pad(t.container ?? '(none)', 0)}  ${pad(t.service ?? '-', 1)}  ${t.status}`);
        for (const d of t.details)
            lines.push(`    ${d}`);
        for (const h of hints(t))
            lines.push(`    hint: ${h}`);
        if (t.status === 'live' && t.compared > 0)
            lines.push(`    ${t.compared} changed file(s) hold the build's bytes`);
    }
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    // Names come from the daemon and the context: a control character must not drive the terminal.
    return `${lines.map(_report_index_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK).join('\n')}\n`;
}
/** One line per stale target: the container and its first cause, for annotations and failures. */
function staleLines(report) {
    return report.targets
        .filter(t => t.status !== 'live')
        .map(t => `${t.container ?? `service ${t.service ?? '?'}`}${t.service && t.container ? ` (service ${t.service})` : ''}: ${t.status}: ${t.details[0] ?? ''}`);
}


/***/ })

};
