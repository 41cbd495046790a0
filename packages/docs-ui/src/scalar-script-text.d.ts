// dist/scalar/script.js, written by the build (scripts/ship-scalar.mjs): Scalar's script as a string.
declare module '#scalar-script' {
  const script: string;
  export default script;
}
