// Copied into the CommonJS project: loads each package named after the mode (`require` or `import`) that way,
// each in turn, and prints one line for each that fails.
const [mode, ...names] = process.argv.slice(2);

async function main() {
  for (const name of names) {
    try {
      if (mode === 'require') require(name);
      else await import(name);
    } catch (error) {
      console.log(`${mode} ${name}: ${String(error.message).split('\n')[0]}`);
    }
  }
}

main();
