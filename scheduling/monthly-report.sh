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
# 127 when no smpseo command is found; 143 (130) when stopped by SIGTERM (SIGINT), which is passed on to smpseo.
# What smpseo says on stderr (warnings, errors) is in the log and on this script's stderr (cron's mail).
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
# One log per run: the second it started and this wrapper's PID (two runs in one second, the second one refused by
# the lock, each keep their own).
LOG="$LOG_DIR/monthly-report-$(date -u +%Y%m%dT%H%M%SZ)-$$.log"
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
child=""
# Stopped (a timeout, a shutdown, Ctrl-C): before smpseo starts, at once (the EXIT trap still lets go of the lock);
# once it runs, the signal is passed on to it and this script waits for it to stop (below).
stop() {
    if [[ -n "$child" ]]; then
        kill -"$1" "$child" 2>/dev/null
    else
        exit "$2"
    fi
}
trap 'rm -rf "$LOCK"' EXIT
trap 'stop TERM 143' TERM
trap 'stop INT 130' INT

args=(report monthly --posts "$POSTS" --out "$OUT")
if [[ -n "${SMPSEO_QUERIES:-}" ]]; then
    args+=(--queries "$SMPSEO_QUERIES")
fi

# Everything smpseo says goes to the log; its warnings and errors on stderr (a file of yours kept aside, an export
# of the wrong month, a failed run) also go to this script's stderr, which cron mails; its notes ("info": the
# drafts left out) only to the log. The copier ignores Ctrl-C and SIGTERM, to pass on smpseo's last line
# ("interrupted", "stopped by SIGTERM") when the whole process group is stopped (systemd's default), and ends when
# smpseo and this script have closed its pipe.
copy_stderr() {
    trap '' INT TERM
    local line
    while IFS= read -r line || [[ -n "$line" ]]; do
        printf '%s\n' "$line" >>"$LOG"
        [[ "$line" == *": info: "* ]] || printf '%s\n' "$line" >&2
    done
}
echo "$(date -u +%FT%TZ) start: $SMPSEO ${args[*]} $*" >>"$LOG"
exec 3> >(copy_stderr)
copier=$!
# smpseo runs in the background so that this script can pass SIGTERM and SIGINT on to it (a shell runs its traps
# only once the command in the foreground has ended) and wait for it to stop: it then cleans up what it had begun
# and leaves the month's report as it was. (A background command would ignore SIGINT: the subshell undoes that.)
( trap - INT; exec "$SMPSEO" "${args[@]}" "$@" ) >>"$LOG" 2>&3 </dev/null &
child=$!
while :; do
    wait "$child"
    status=$?
    kill -0 "$child" 2>/dev/null || break  # still running: the wait was cut short by a signal passed on
done
trap - TERM INT
exec 3>&-  # the copier ends once smpseo and this script have closed its pipe
[[ -n "$copier" ]] && wait "$copier" 2>/dev/null  # (bash 4.4 and later wait for it; older ones need not)
echo "$(date -u +%FT%TZ) end: exit status $status" >>"$LOG"

# Keep the newest logs only.
ls -1t "$LOG_DIR"/monthly-report-*.log 2>/dev/null | tail -n +"$((KEEP_LOGS + 1))" | while IFS= read -r old; do
    rm -f -- "$old"
done

if [[ $status -eq 143 || $status -eq 130 ]]; then
    echo "monthly report stopped (exit status $status); the month's report is left as it was; see $LOG" >&2
elif [[ $status -ne 0 ]]; then
    echo "monthly report failed (exit status $status); see $LOG" >&2
fi
exit "$status"
