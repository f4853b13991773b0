// The young generation `clm` runs with (256 MB): the analyses build per-customer arrays that mostly
// survive, and with V8's default the scavenger copied them over and over (30M rows, `clm value`:
// 12.9 s of scavenges; 8.0 s with 64 MB; 5.2 s with 256 MB, the command 7 s faster). The flags only
// work on the command line (v8.setFlagsFromString is too late): cli/bin/clm.mjs starts itself once
// more with them, and bench/cli.mjs gives them to its children.
export const HEAP_FLAGS = ['--max-semi-space-size=256', '--min-semi-space-size=256'];
