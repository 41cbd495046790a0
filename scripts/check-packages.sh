#!/usr/bin/env bash
# Checks each publishable package as it would be published (run `pnpm build` first). Packs it the way
# `pnpm publish` does (publishConfig applied, workspace: versions replaced), lints the tarball with publint
# (warnings fail) and @arethetypeswrong/cli (profile esm-only: the packages are ES modules, which `require`
# loads on Node >= 20.19 through the `default` condition), then installs every tarball in a CommonJS project
# (`npm init -y`'s kind) and loads each package there with `require` and with `import`.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
mkdir "$project/packs"

status=0
names=()
for dir in packages/*/; do
  if [ "$(node -p "require('./${dir}package.json').private === true")" = true ]; then continue; fi
  tarball=$(cd "$dir" && pnpm pack --pack-destination "$project/packs" --json |
    node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).filename')
  names+=("$(node -p "require('./${dir}package.json').name")=$tarball")
  echo "== ${dir%/}"
  pnpm exec publint run "$tarball" --strict || status=1
  pnpm exec attw "$tarball" --profile esm-only --format table-flipped --no-emoji --no-summary || status=1
done

echo "== require and import from a CommonJS project"
(cd "$project" && node -e '
  const tarballs = Object.fromEntries(process.argv.slice(1).map((entry) => { const [name, file] = entry.split("="); return [name, `file:${file}`]; }));
  const manifest = { name: "cjs-project", private: true, dependencies: tarballs, pnpm: { overrides: tarballs } };
  require("fs").writeFileSync("package.json", JSON.stringify(manifest));
' "${names[@]}")
(cd "$project" && ONNXRUNTIME_NODE_INSTALL=skip pnpm install --prefer-offline --silent)
for entry in "${names[@]}"; do
  name=${entry%%=*}
  if (cd "$project" && node --no-warnings -e "require('$name')" &&
    node --no-warnings --input-type=module -e "await import('$name')"); then
    echo "$name: loads with require and import"
  else
    echo "$name: does not load"
    status=1
  fi
done
exit "$status"
