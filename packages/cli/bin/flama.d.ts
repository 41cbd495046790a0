// The `flama` command runs when this module loads: it exports nothing.
export {};
