#!/usr/bin/env bash
# Classify a large input on a SLURM cluster: an array job of <n> shards, then a merge job that
# runs when all of them succeeded (--dependency=afterok).
#
#   scripts/slurm/submit.sh [--wait] <n> <run folder> model=<archive> input=<folder> [classify keys]
#
# Writes <run>/shards/<i>/ (each shard's log, charts and shard.json), <run>/merged/ (the result, as
# one run over the whole input) and <run>/logs/ (the jobs' output). --wait returns when the merge
# job ended, with its exit status. The run folder, the input, the model and the jar must be on a
# file system every node sees.
#
# Environment: EMOTION_TRACKING_JAR (default: target/emotion-tracking.jar of this checkout, with
# its lib/ beside it), JAVA (default: java), JAVA_OPTS (default: -Djava.awt.headless=true),
# SBATCH_OPTIONS (for both jobs, e.g. "--partition=cpu --account=lab"), CLASSIFY_SBATCH_OPTIONS
# (e.g. "--cpus-per-task=8 --mem=16G --time=24:00:00"; overrides the #SBATCH lines of
# classify-shard.sbatch) and MERGE_SBATCH_OPTIONS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wait=()
if [ "${1:-}" = --wait ]; then
	wait=(--wait)
	shift
fi
if [ $# -lt 3 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
	echo "Usage: $0 [--wait] <shards> <run folder> model=<archive> input=<folder> [key=value ...]" >&2
	exit 2
fi
n=$1
mkdir -p "$2/logs"
run=$(cd "$2" && pwd)
shift 2
jar=$(readlink -f "${EMOTION_TRACKING_JAR:-$here/../../target/emotion-tracking.jar}")
if [ ! -f "$jar" ]; then
	echo "No $jar: build it (mvn -B package -DskipTests) or set EMOTION_TRACKING_JAR" >&2
	exit 2
fi
export EMOTION_TRACKING_JAR="$jar" SHARDS="$n"
# shellcheck disable=SC2086 # the *_OPTIONS hold several options
array=$(sbatch --parsable --array=0-$((n - 1)) --export=ALL --output="$run/logs/classify-%a.out" \
	${SBATCH_OPTIONS:-} ${CLASSIFY_SBATCH_OPTIONS:-} "$here/classify-shard.sbatch" "$run" "$@")
array=${array%%;*}
echo "Submitted classify array job $array ($n shards) and a merge job; results in $run/merged"
# shellcheck disable=SC2086
sbatch --parsable "${wait[@]}" --dependency=afterok:"$array" --kill-on-invalid-dep=yes --export=ALL \
	--output="$run/logs/merge.out" ${SBATCH_OPTIONS:-} ${MERGE_SBATCH_OPTIONS:-} "$here/merge.sbatch" "$run"
