export const id = 463;
export const ids = [463];
export const modules = {

/***/ 463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  listWithMore: () => (/* binding */ listWithMore),
  renderText: () => (/* binding */ renderText)
});

// EXTERNAL MODULE: ./src/report/text-safety.ts
var text_safety = __webpack_require__(4986);
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
    // Each data field was redacted on its own; a pass over the whole text would also rewrite the
    // tool's own words (a secret `e` in "stale").
    return `${out.join('\n')}\n`;
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


/***/ })

};
