#!/usr/bin/env bash
# Times `placard petitions check` over the whole FFTF corpus (346 files) in release, beside a
# baseline measured in the same run: reading the same files with `cat` (the I/O floor).
# Prints mean times and the ratio. Goal (issue 2): the whole corpus in <= 0.5 s.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${PLACARD_CORPUS:-../shared/corpus/fftf}
[ -d "$corpus" ] || { echo "THE FFTF CORPUS IS ABSENT at $corpus (set PLACARD_CORPUS)" >&2; exit 1; }
bin=target/release/placard
[ -x "$bin" ] || { echo "build it first: cargo build --release -p placard-cli" >&2; exit 1; }
out=$(mktemp)
# `check` exits 1 on the corpus (one file is genuinely broken), hence -i.
hyperfine -N -i --warmup 3 --runs 20 --export-json "$out" \
  -n baseline-cat "find $corpus -type f ( -name *.md -o -name *.markdown ) -exec cat {} +" \
  -n placard-check "$bin petitions check $corpus" >/dev/null
python3 - "$out" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
b, c = r["baseline-cat"], r["placard-check"]
print(f"corpus files: 346; runs: {len(c['times'])}")
print(f"baseline (find + cat)    mean {b['mean']*1000:8.1f} ms  (min {b['min']*1000:.1f}, max {b['max']*1000:.1f})")
print(f"placard petitions check  mean {c['mean']*1000:8.1f} ms  (min {c['min']*1000:.1f}, max {c['max']*1000:.1f})")
print(f"ratio check / baseline: {c['mean']/b['mean']:.1f}x")
goal = 0.5
print(f"goal: whole corpus <= {goal*1000:.0f} ms -> {'MET' if c['mean'] <= goal else 'NOT MET'}")
PY
rm -f "$out"
