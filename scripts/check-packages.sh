#!/usr/bin/env bash
# Checks each publishable package as it would be published (run `pnpm build` first). Packs it the way
# `pnpm publish` does (publishConfig applied, workspace: versions replaced; `prepack`, which builds, is skipped
# since the build has just run), lints the tarball with publint (warnings fail) and @arethetypeswrong/cli
# (profile esm-only: the packages are ES modules, which `require` loads on Node >= 20.19 through the `default`
# condition), then runs the pack-and-install test on the tarballs (scripts/pack-install-test.mjs): npm installs
# them into fresh CommonJS projects, the README's hello app is served by the installed `flama` bin, and the
# installed sizes are checked against their targets.
set -euo pipefail
cd "$(dirname "$0")/.."
packs=$(mktemp -d)
trap 'rm -rf "$packs"' EXIT

status=0
for dir in packages/*/; do
  if [ "$(node -p "require('./${dir}package.json').private === true")" = true ]; then continue; fi
  tarball=$(cd "$dir" && pnpm --config.ignore-scripts=true pack --pack-destination "$packs" --json |
    node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).filename')
  echo "== ${dir%/}"
  pnpm exec publint run "$tarball" --strict || status=1
  pnpm exec attw "$tarball" --profile esm-only --format table-flipped --no-emoji --no-summary || status=1
done

node scripts/pack-install-test.mjs "$packs" || status=1
exit "$status"
