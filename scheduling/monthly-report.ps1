# Run the monthly SEO report once, for Windows Task Scheduler: one run at a time, every run logged.
#
#   powershell -NoProfile -File scheduling\monthly-report.ps1                  # the month that just ended
#   powershell -NoProfile -File scheduling\monthly-report.ps1 --month 2026-10  # options go to `smpseo report monthly`
#
# Settings (environment), as for monthly-report.sh: SMPSEO_ROOT, SMPSEO_POSTS, SMPSEO_OUT, SMPSEO_LOG_DIR,
# SMPSEO_KEEP_LOGS, SMPSEO_QUERIES, SMPSEO (the command; default: .venv\Scripts\smpseo.exe in the root, else
# smpseo on the PATH). Exit status: smpseo's (0 ok, 1 the report failed, 2 bad settings); 75 when another run
# still holds the lock; 127 when no smpseo command is found.
$ErrorActionPreference = "Stop"

function Setting($name, $default) {
    $value = [Environment]::GetEnvironmentVariable($name)
    if ([string]::IsNullOrEmpty($value)) { return $default } else { return $value }
}

$Root = Setting "SMPSEO_ROOT" (Split-Path -Parent $PSScriptRoot)
Set-Location -LiteralPath $Root
$Posts = Setting "SMPSEO_POSTS" "posts"
$Out = Setting "SMPSEO_OUT" "reports"
$LogDir = Setting "SMPSEO_LOG_DIR" (Join-Path $Out "logs")
$KeepLogs = [int](Setting "SMPSEO_KEEP_LOGS" "24")
$Lock = Join-Path $Out ".monthly-report.lock"

New-Item -ItemType Directory -Force -Path $Out, $LogDir | Out-Null
$Log = Join-Path $LogDir ("monthly-report-" + (Get-Date).ToUniversalTime().ToString("yyyyMMddTHHmmssZ") + ".log")
function Say($text) {
    $line = (Get-Date).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ") + " " + $text
    Add-Content -LiteralPath $Log -Value $line
    [Console]::Error.WriteLine($line)
}

# The command: named, else the checkout's virtual environment, else on the PATH.
$Smpseo = Setting "SMPSEO" ""
if (-not $Smpseo) {
    $venv = Join-Path $Root ".venv\Scripts\smpseo.exe"
    if (Test-Path -LiteralPath $venv) { $Smpseo = $venv }
    else {
        $found = Get-Command smpseo -ErrorAction SilentlyContinue
        if ($found) { $Smpseo = $found.Source }
    }
}
if (-not $Smpseo) {
    Say "smpseo not found: no $Root\.venv\Scripts\smpseo.exe and none on the PATH; set SMPSEO to the command"
    exit 127
}

# One run at a time: the lock is a folder holding the PID of its run, taken over when that process is gone.
function Take-Lock {
    try {
        New-Item -ItemType Directory -Path $Lock -ErrorAction Stop | Out-Null
        Set-Content -LiteralPath (Join-Path $Lock "pid") -Value $PID
        return $true
    } catch {
        $pidFile = Join-Path $Lock "pid"
        $holder = if (Test-Path -LiteralPath $pidFile) { (Get-Content -LiteralPath $pidFile -Raw).Trim() } else { "" }
        if ($holder -match '^\d+$' -and (Get-Process -Id ([int]$holder) -ErrorAction SilentlyContinue)) {
            Say "another monthly report (PID $holder) is still running; not starting"
            return $false
        }
        Say "taking over a stale lock left by PID $holder"
        Remove-Item -LiteralPath $Lock -Recurse -Force -ErrorAction SilentlyContinue
        try {
            New-Item -ItemType Directory -Path $Lock -ErrorAction Stop | Out-Null
            Set-Content -LiteralPath (Join-Path $Lock "pid") -Value $PID
            return $true
        } catch {
            Say "another monthly report started meanwhile; not starting"
            return $false
        }
    }
}
if (-not (Take-Lock)) { exit 75 }

$arguments = @("report", "monthly", "--posts", $Posts, "--out", $Out)
$queries = Setting "SMPSEO_QUERIES" ""
if ($queries) { $arguments += @("--queries", $queries) }
$arguments += $args

try {
    Add-Content -LiteralPath $Log -Value ((Get-Date).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ") + " start: $Smpseo $($arguments -join ' ')")
    $ErrorActionPreference = "Continue"  # smpseo's messages on stderr are log lines, not PowerShell errors
    & $Smpseo @arguments *>> $Log
    $status = $LASTEXITCODE
    Add-Content -LiteralPath $Log -Value ((Get-Date).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ") + " end: exit status $status")
} finally {
    Remove-Item -LiteralPath $Lock -Recurse -Force -ErrorAction SilentlyContinue
}

# Keep the newest logs only.
Get-ChildItem -LiteralPath $LogDir -Filter "monthly-report-*.log" | Sort-Object LastWriteTime -Descending |
    Select-Object -Skip $KeepLogs | Remove-Item -Force

if ($status -ne 0) { [Console]::Error.WriteLine("monthly report failed (exit status $status); see $Log") }
exit $status
