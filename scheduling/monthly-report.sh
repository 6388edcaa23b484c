#!/usr/bin/env bash
# Run the monthly SEO report once, for cron, launchd or systemd: one run at a time, every run logged.
#
#   scheduling/monthly-report.sh                  # the month that just ended
#   scheduling/monthly-report.sh --month 2026-10  # any `smpseo report monthly` option is passed on
#
# Settings (environment): SMPSEO_ROOT (the checkout or blog folder; default: this script's parent folder),
# SMPSEO_POSTS (posts), SMPSEO_OUT (reports), SMPSEO_LOG_DIR (reports/logs), SMPSEO_KEEP_LOGS (24), SMPSEO_QUERIES
# (a Search Console export, optional), SMPSEO (the smpseo command; default: .venv/bin/smpseo in the root, else
# `smpseo` on the PATH or in ~/.local/bin, as `pip install --user` and pipx put it).
# Exit status: smpseo's (0 ok, 1 the report failed, 2 bad settings); 75 when another run still holds the lock;
# 127 when no smpseo command is found.
#
# Needs bash and the basic commands of any Unix (date, mkdir, rm, ls, tail); not flock, which macOS lacks: the lock
# is a folder (mkdir is atomic) holding the PID of the run that made it and when it started. A lock whose process is
# gone, or older than SMPSEO_LOCK_HOURS (12: far longer than a run; after a restart its PID may be another
# process's), is taken over.
set -uo pipefail

ROOT="${SMPSEO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT" || exit 2
POSTS="${SMPSEO_POSTS:-posts}"
OUT="${SMPSEO_OUT:-reports}"
LOG_DIR="${SMPSEO_LOG_DIR:-$OUT/logs}"
KEEP_LOGS="${SMPSEO_KEEP_LOGS:-24}"
# A whole number of at least 1: this run's log is always kept (0 would delete it before saying to read it).
if ! [[ "$KEEP_LOGS" =~ ^[0-9]+$ ]] || (( 10#$KEEP_LOGS < 1 )); then
    echo "SMPSEO_KEEP_LOGS must be a whole number of logs to keep, 1 or more, not '$KEEP_LOGS'" >&2
    exit 2
fi
KEEP_LOGS=$((10#$KEEP_LOGS))
LOCK_HOURS="${SMPSEO_LOCK_HOURS:-12}"
LOCK="$OUT/.monthly-report.lock"

mkdir -p "$OUT" "$LOG_DIR" || exit 2
LOG="$LOG_DIR/monthly-report-$(date -u +%Y%m%dT%H%M%SZ).log"
say() { echo "$(date -u +%FT%TZ) $*" | tee -a "$LOG" >&2; }

# The command: named, else the checkout's virtual environment, else on the PATH, else a per-user install.
SMPSEO="${SMPSEO:-}"
if [[ -z "$SMPSEO" ]]; then
    for candidate in "$ROOT/.venv/bin/smpseo" "$(command -v smpseo 2>/dev/null)" "${HOME:-/nonexistent}/.local/bin/smpseo"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then
            SMPSEO="$candidate"
            break
        fi
    done
fi
if [[ -z "$SMPSEO" ]]; then
    say "smpseo not found: no $ROOT/.venv/bin/smpseo, none on the PATH ($PATH) and none in ~/.local/bin; set SMPSEO to the command"
    exit 127
fi

# One run at a time. The lock's file "pid" holds "PID START" (seconds since 1970). Its run is still going if the
# lock is younger than LOCK_HOURS and the PID answers `kill -0` (or exists as another user's process).
alive() {
    local pid="${1%% *}" started="" why
    [[ "$1" == *" "* ]] && started="${1#* }"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    if [[ "$started" =~ ^[0-9]+$ ]] && (( $(date +%s) - started > LOCK_HOURS * 3600 )); then
        return 1
    fi
    why=$(kill -0 "$pid" 2>&1) && return 0
    [[ "$why" == *"ermitted"* ]]
}
claim() {
    echo "$$ $(date +%s)" >"$LOCK/pid"
}
take_lock() {
    if mkdir "$LOCK" 2>/dev/null; then
        claim
        return 0
    fi
    local holder=""
    [[ -f "$LOCK/pid" ]] && holder=$(<"$LOCK/pid")
    if [[ -z "$holder" ]]; then  # just made, its PID not yet written: give it a moment
        sleep 1
        [[ -f "$LOCK/pid" ]] && holder=$(<"$LOCK/pid")
    fi
    if alive "$holder"; then
        holder="${holder%% *}"
        say "another monthly report (PID $holder) is still running; not starting"
        return 75
    fi
    # Stale: the run that made it is gone (killed, machine restarted). Move it aside (atomic) and try once more.
    say "taking over a stale lock left by PID ${holder%% *}"
    mv "$LOCK" "$LOCK.stale.$$" 2>/dev/null && rm -rf "$LOCK.stale.$$"
    if mkdir "$LOCK" 2>/dev/null; then
        claim
        return 0
    fi
    say "another monthly report started meanwhile; not starting"
    return 75
}
take_lock || exit $?
trap 'rm -rf "$LOCK"' EXIT
trap 'exit 143' TERM  # stopped (a timeout, a shutdown): the EXIT trap still lets go of the lock
trap 'exit 130' INT

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
ls -1t "$LOG_DIR"/monthly-report-*.log 2>/dev/null | tail -n +"$((KEEP_LOGS + 1))" | while IFS= read -r old; do
    rm -f -- "$old"
done

if [[ $status -ne 0 ]]; then
    echo "monthly report failed (exit status $status); see $LOG" >&2
fi
exit "$status"
