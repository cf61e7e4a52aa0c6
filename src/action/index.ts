// The action's entry (ncc bundles it into dist/index.js, which action.yml runs): everything is in
// main.ts so tests and local-action can import run() without side effects.
import { run } from './main.js'

void run()
