/** The Docker adapter: every docker call of the pipeline goes through these modules. */
export * from './exec.js'
export * from './builder.js'
export * from './build.js'
export * from './prune.js'
export * from './units.js'
export * from './image.js'
export * from './save.js'
export * from './layers.js'
