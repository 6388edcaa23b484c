#!/usr/bin/env bash
# Run the monthly SEO report once, for cron or systemd: one run at a time, every run logged.
#
#   scheduling/monthly-report.sh                  # the month that just ended
#   scheduling/monthly-report.sh --month 2026-10  # any `smpseo report monthly` option is passed on
#
# Settings (environment): SMPSEO_ROOT (the checkout; default: this script's parent folder), SMPSEO_POSTS (posts),
# SMPSEO_OUT (reports), SMPSEO_LOG_DIR (reports/logs), SMPSEO_KEEP_LOGS (24), SMPSEO_QUERIES (a Search Console
# Queries.csv, optional). Exit status: smpseo's (0 ok, 1 the report failed, 2 bad settings); 75 when another run
# still holds the lock.
set -uo pipefail

ROOT="${SMPSEO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT" || exit 2
POSTS="${SMPSEO_POSTS:-posts}"
OUT="${SMPSEO_OUT:-reports}"
LOG_DIR="${SMPSEO_LOG_DIR:-$OUT/logs}"
KEEP_LOGS="${SMPSEO_KEEP_LOGS:-24}"
SMPSEO="${SMPSEO:-$ROOT/.venv/bin/smpseo}"

mkdir -p "$OUT" "$LOG_DIR" || exit 2
LOG="$LOG_DIR/monthly-report-$(date -u +%Y%m%dT%H%M%SZ).log"

# One run at a time: a second start while the first still runs gives up at once (and says so in its log).
exec 9>"$OUT/.monthly-report.lock"
if ! flock -n 9; then
    echo "$(date -u +%FT%TZ) another monthly report is still running; not starting" | tee -a "$LOG" >&2
    exit 75
fi

args=(report monthly --posts "$POSTS" --out "$OUT")
if [[ -n "${SMPSEO_QUERIES:-}" ]]; then
    args+=(--queries "$SMPSEO_QUERIES")
fi

(
    echo "$(date -u +%FT%TZ) start: $SMPSEO ${args[*]} $*"
    "$SMPSEO" "${args[@]}" "$@"
    status=$?
    echo "$(date -u +%FT%TZ) end: exit status $status"
    exit "$status"
) >>"$LOG" 2>&1
status=$?

# Keep the newest logs only.
ls -1t "$LOG_DIR"/monthly-report-*.log 2>/dev/null | tail -n +"$((KEEP_LOGS + 1))" | xargs -r rm -f --

if [[ $status -ne 0 ]]; then
    echo "monthly report failed (exit status $status); see $LOG" >&2
fi
exit "$status"
