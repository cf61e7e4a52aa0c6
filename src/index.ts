// The action entry: everything is in main.ts so tests can import run() without side effects.
import { run } from './main.js'

void run()
