#!/usr/bin/env bash
# The reach of prism's engines on every example model: the highest order finished within 1 minute and
# within 10 minutes of wall time, with the peak heap at each, in the launcher's 8 GiB heap.
#
# One `bench exact --time-limit` run per model and engine (its default engine; the tied autoencoder also
# with --leading), one after the other, nothing else running. Each run stops itself: an order that its
# predecessor's growth says would end past the limit is not started, one running at the limit is
# interrupted. Raw tables go to OUT/<model>[-leading].md, the summary (a markdown table) to stdout.
#
#   bench/reach.sh [OUT] [LIMIT_SECONDS]      (defaults: target/reach, 600)
#   REACH_SUMMARY_ONLY=1 bench/reach.sh OUT   the summary of the tables already in OUT
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/reach}
limit=${2:-600}
mkdir -p "$out"
[ -n "${REACH_SUMMARY_ONLY:-}" ] || ./prism --version >/dev/null # builds target/prism.jar when the sources are newer

run() { # name, model file, extra options...
    local name=$1 file=$2
    shift 2
    [ -n "${REACH_SUMMARY_ONLY:-}" ] && return 0
    java -XX:+UseParallelGC -Xmx8g -Xss16m -jar target/prism.jar bench exact -S 100 --time-limit "$limit" --markdown --no-store \
        --model "$file" "$@" > "$out/$name.md" 2> "$out/$name.err" || true
}

# highest order with cumulative time <= T, and its peak heap (columns counted from the right:
# ... | time | cumulative | peak heap |)
summarise() {
    awk -F'|' -v t="$2" '
        /^\| [0-9]/ { n = NF; cum = $(n - 2) + 0; heap = $(n - 1) + 0; s = $2 + 0
                      if (cum <= t) { best = s; bh = heap } }
        END { if (best == "") print "-"; else printf "%d (%.1f GiB)", best, bh / 1024 }' "$1"
}

printf '| model | engine | 1 minute | 10 minutes | where it stopped |\n|---|---|---|---|---|\n'
for f in examples/*.prism; do
    name=$(basename "$f" .prism)
    engines=("")
    [ "$name" = tied-autoencoder ] && engines+=("--leading")
    for e in "${engines[@]}"; do
        tag=$name${e:+-leading}
        run "$tag" "$f" $e
        stop=$(grep '^stopped: ' "$out/$tag.md" | sed 's/^stopped: //' || true)
        # a run that ends otherwise (an error) says so on stderr: its first line
        [ -z "$stop" ] && [ -s "$out/$tag.err" ] && stop=$(grep -m1 . "$out/$tag.err")
        if [ -n "$e" ]; then engine="leading (planar)"
        elif grep -q '| networks ' "$out/$tag.md"; then engine="tensor network"
        elif grep -q '^covariance ' "$f"; then engine="moment memo"
        else engine="trace graph"; fi
        printf '| %s | %s | %s | %s | %s |\n' "$name" "$engine" "$(summarise "$out/$tag.md" 60)" \
            "$(summarise "$out/$tag.md" "$limit")" "${stop:-order 100 reached}"
    done
done
