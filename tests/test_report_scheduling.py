"""The shipped schedules: the cron wrapper runs one report at a time and logs it, in a cron-like environment without\nflock or a .venv; the systemd, launchd, Task Scheduler and Actions files agree."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scheduling" / "monthly-report.sh"
FIXTURES = Path(__file__).parent / "fixtures"

# What a cron job has: an empty environment but HOME, LOGNAME and a short PATH. The PATH here holds only the basic
# commands the script may use (no flock: macOS has none), in a folder of its own.
BASICS = ("bash", "env", "date", "mkdir", "rm", "ls", "tail", "tee", "dirname", "mv", "sleep", "cat")


def cron_path(tmp_path, smpseo: Path | None = None) -> str:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name in BASICS:
        found = shutil.which(name)
        if found and not (bin_dir / name).exists():
            (bin_dir / name).symlink_to(found)
    if smpseo is not None:
        (bin_dir / "smpseo").symlink_to(smpseo)
    assert shutil.which("flock", path=str(bin_dir)) is None
    return str(bin_dir)


def cron_env(tmp_path, smpseo: Path | None = None, **extra) -> dict:
    """A cron-like environment for a site in tmp_path/site with no .venv: smpseo only on the PATH, if at all."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {"HOME": str(home), "LOGNAME": "cron", "SHELL": "/bin/sh", "PATH": cron_path(tmp_path, smpseo),
            "SMPSEO_ROOT": str(site), "SMPSEO_POSTS": str(FIXTURES / "report_posts"),
            "SMPSEO_OUT": str(site / "reports"), "SMPSEO_CACHE_DIR": str(tmp_path / "cache"), **extra}


def fake_smpseo(tmp_path) -> Path:
    """A stand-in smpseo that notes its arguments, for the tests of the wrapper itself."""
    fake = tmp_path / "fake" / "smpseo"
    fake.parent.mkdir()
    fake.write_text('#!/usr/bin/env bash\necho "ran: $*"\n[[ "$*" == *2026-13* ]] && exit 2\nexit 0\n')
    fake.chmod(0o755)
    return fake


def wrapper(env: dict, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in env.items()), str(SCRIPT), *args],
                          capture_output=True, text=True, timeout=timeout)


needs_bash = pytest.mark.skipif(not shutil.which("bash") or not Path("/usr/bin/env").exists(), reason="needs bash")


@needs_bash
@pytest.mark.slow
def test_wrapper_makes_the_report_under_cron_without_flock_or_venv(tmp_path):
    smpseo = Path(sys.executable).with_name("smpseo")
    run = wrapper(cron_env(tmp_path, smpseo), "--month", "2026-10", timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    site = tmp_path / "site"
    assert (site / "reports" / "2026-10" / "monthly_report.html").is_file()
    (log,) = (site / "reports" / "logs").glob("monthly-report-*.log")
    text = log.read_text()
    assert "start:" in text and "--month 2026-10" in text and "end: exit status 0" in text
    assert "monthly_report.html" in text and str(tmp_path / "bin" / "smpseo") in text  # found on the PATH
    assert not (site / "reports" / ".monthly-report.lock").exists()  # the lock is let go


def _home_that_cannot_hold_a_folder(tmp_path) -> Path:
    """A service account's home: IPython cannot make its folder there (a file stands in for any such home, as
    permissions do not stop the tests when they run as root)."""
    home = tmp_path / "home-file"
    home.write_text("not a folder\n")
    return home


@pytest.mark.slow
def test_a_run_with_a_home_that_cannot_hold_a_folder_writes_nothing_on_stderr(tmp_path):
    import os

    env = {"HOME": str(_home_that_cannot_hold_a_folder(tmp_path)), "LOGNAME": "cron", "PATH": "/usr/bin:/bin",
           "SMPSEO_CACHE_DIR": str(tmp_path / "cache")}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    run = subprocess.run([sys.executable, "-m", "smpseo", "report", "monthly", "--month", "2026-10", "--posts",
                          str(FIXTURES / "report_posts"), "--out", str(tmp_path / "reports")], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # a cron job that went well mails nothing
    assert (tmp_path / "reports" / "2026-10" / "monthly_report.html").is_file()


def test_ipython_gets_a_folder_of_the_run_only_when_home_cannot_hold_one(tmp_path, monkeypatch):
    import os
    import warnings

    from IPython.paths import get_ipython_dir

    from smpseo.app.report.ipythondir import writable_ipython_dir

    monkeypatch.delenv("IPYTHONDIR", raising=False)
    monkeypatch.setenv("HOME", str(_home_that_cannot_hold_a_folder(tmp_path)))
    (tmp_path / "run").mkdir()  # the run's scratch folder
    with writable_ipython_dir(str(tmp_path / "run")):
        assert os.environ["IPYTHONDIR"] == str(tmp_path / "run" / "ipython")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert get_ipython_dir() == str(tmp_path / "run" / "ipython")
    assert "IPYTHONDIR" not in os.environ
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home-file", "run"]  # no temporary folder of IPython's left

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    with writable_ipython_dir(str(tmp_path / "run2")):
        assert "IPYTHONDIR" not in os.environ  # a usable home keeps the user's own IPython folder


@needs_bash
def test_wrapper_finds_smpseo_on_the_path_and_logs_the_run(tmp_path):
    run = wrapper(cron_env(tmp_path, fake_smpseo(tmp_path)), "--month", "2026-10")
    assert run.returncode == 0, run.stderr
    (log,) = (tmp_path / "site" / "reports" / "logs").glob("monthly-report-*.log")
    assert "ran: report monthly --posts" in log.read_text() and "--month 2026-10" in log.read_text()


@needs_bash
def test_wrapper_says_when_smpseo_is_nowhere(tmp_path):
    run = wrapper(cron_env(tmp_path))
    assert run.returncode == 127 and "smpseo not found" in run.stderr and "set SMPSEO" in run.stderr


@needs_bash
def test_wrapper_does_not_overlap_a_running_report(tmp_path):
    env = cron_env(tmp_path, fake_smpseo(tmp_path))
    lock = tmp_path / "site" / "reports" / ".monthly-report.lock"
    lock.mkdir(parents=True)
    holder = subprocess.Popen(["sleep", "30"])
    try:
        (lock / "pid").write_text(f"{holder.pid}\n")
        run = wrapper(env)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 75
    assert f"(PID {holder.pid}) is still running" in run.stderr
    assert "ran:" not in "".join(p.read_text() for p in (lock.parent / "logs").glob("*.log"))
    assert lock.is_dir()  # the other run's lock is left alone


@needs_bash
def test_wrapper_takes_over_a_stale_lock(tmp_path):
    env = cron_env(tmp_path, fake_smpseo(tmp_path))
    lock = tmp_path / "site" / "reports" / ".monthly-report.lock"
    lock.mkdir(parents=True)
    gone = subprocess.Popen(["true"])
    gone.wait()  # a PID whose process has ended
    (lock / "pid").write_text(f"{gone.pid}\n")
    run = wrapper(env)
    assert run.returncode == 0, run.stderr
    assert "stale lock" in run.stderr and not lock.exists()


@needs_bash
def test_wrapper_takes_over_a_lock_older_than_any_run_even_if_its_pid_is_taken(tmp_path):
    env = cron_env(tmp_path, fake_smpseo(tmp_path), SMPSEO_LOCK_HOURS="1")
    lock = tmp_path / "site" / "reports" / ".monthly-report.lock"
    lock.mkdir(parents=True)
    holder = subprocess.Popen(["sleep", "30"])  # a live process with the lock's PID, as after a restart
    try:
        (lock / "pid").write_text(f"{holder.pid} 1000000000\n")  # started in 2001
        run = wrapper(env)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 0, run.stderr
    assert f"stale lock left by PID {holder.pid}" in run.stderr


@needs_bash
def test_wrapper_fails_with_smpseo_status_on_bad_settings(tmp_path):
    run = wrapper(cron_env(tmp_path, fake_smpseo(tmp_path)), "--month", "2026-13")
    assert run.returncode == 2
    assert "monthly report failed (exit status 2)" in run.stderr


def test_crontab_line_keeps_date_logic_out():
    lines = [ln for ln in (ROOT / "scheduling" / "crontab").read_text().splitlines()
             if ln.strip() and not ln.startswith("#")]
    assert len(lines) == 1
    fields = lines[0].split()
    assert fields[:5] == ["17", "6", "1", "*", "*"] and fields[5].endswith("scheduling/monthly-report.sh")
    assert "%" not in lines[0]


def test_systemd_timer_and_service():
    timer = (ROOT / "scheduling" / "smpseo-monthly-report.timer").read_text()
    service = (ROOT / "scheduling" / "smpseo-monthly-report.service").read_text()
    assert "OnCalendar=*-*-01 06:17:00" in timer and "Persistent=true" in timer
    assert "Type=oneshot" in service and "scheduling/monthly-report.sh" in service
    assert "SuccessExitStatus=75" in service


def test_actions_workflow():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "monthly-report.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as True
    assert triggers["schedule"] == [{"cron": "17 6 1 * *"}]
    assert "month" in triggers["workflow_dispatch"]["inputs"]
    steps = workflow["jobs"]["report"]["steps"]
    text = yaml.safe_dump(steps)
    assert "smpseo" in text and "report monthly" in text
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "always()" and upload["with"]["name"] == "seo-reports"
    run_step = next(s for s in steps if "report monthly" in s.get("run", ""))
    assert "${{" not in run_step["run"], "inputs reach the shell through env, not by interpolation"


def test_launchd_plist():
    import plistlib

    with (ROOT / "scheduling" / "com.smpseo.monthly-report.plist").open("rb") as f:
        plist = plistlib.load(f)
    assert plist["Label"] == "com.smpseo.monthly-report"
    assert plist["ProgramArguments"][0] == "/bin/bash"
    assert plist["ProgramArguments"][1].endswith("scheduling/monthly-report.sh")
    assert plist["StartCalendarInterval"] == {"Day": 1, "Hour": 6, "Minute": 17}
    assert "/usr/bin" in plist["EnvironmentVariables"]["PATH"]
    assert plist["StandardErrorPath"].endswith("reports/logs/launchd.log")


def test_task_scheduler_xml_and_powershell_wrapper():
    import xml.etree.ElementTree as ET

    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    task = ET.parse(ROOT / "scheduling" / "smpseo-monthly-report.xml").getroot()
    assert task.tag == f"{{{ns['t']}}}Task"
    trigger = task.find("t:Triggers/t:CalendarTrigger", ns)
    assert trigger.find("t:StartBoundary", ns).text.endswith("T06:17:00")
    by_month = trigger.find("t:ScheduleByMonth", ns)
    assert [d.text for d in by_month.findall("t:DaysOfMonth/t:Day", ns)] == ["1"]
    assert len(list(by_month.find("t:Months", ns))) == 12
    settings = task.find("t:Settings", ns)
    assert settings.find("t:StartWhenAvailable", ns).text == "true"
    assert settings.find("t:MultipleInstancesPolicy", ns).text == "IgnoreNew"
    action = task.find("t:Actions/t:Exec", ns)
    assert action.find("t:Command", ns).text == "powershell.exe"
    assert "scheduling\\monthly-report.ps1" in action.find("t:Arguments", ns).text
    script = (ROOT / "scheduling" / "monthly-report.ps1").read_text(encoding="utf-8")
    for piece in ("exit 75", "exit 127", ".venv\\Scripts\\smpseo.exe", "Get-Process -Id", "report\", \"monthly\""):
        assert piece in script


@needs_bash
@pytest.mark.parametrize("keep", ["0", "abc", "-3"])
def test_a_number_of_logs_to_keep_that_is_not_one_or_more_is_refused(tmp_path, keep):
    """SMPSEO_KEEP_LOGS=0 deleted every log, this run's too, then said to read it; 'abc' stopped bash on an unbound
    variable. Neither runs the report: one line says what is wanted."""
    result = wrapper(cron_env(tmp_path, fake_smpseo(tmp_path), SMPSEO_KEEP_LOGS=keep))
    assert result.returncode == 2 and "ran:" not in result.stdout
    assert result.stderr.strip() == (f"SMPSEO_KEEP_LOGS must be a whole number of logs to keep, 1 or more, not "
                                     f"'{keep}'")


def talking_smpseo(tmp_path) -> Path:
    """A stand-in smpseo that says what a real run says on stderr: a warning, a note and, when stopped, one line."""
    fake = tmp_path / "fake" / "smpseo"
    fake.parent.mkdir()
    fake.write_text(
        "#!/usr/bin/env bash\n"
        "trap 'echo \"smpseo: stopped by SIGTERM\" >&2; exit 143' TERM\n"
        "trap 'echo \"smpseo: interrupted\" >&2; exit 130' INT\n"
        "echo reports/2026-10/monthly_report.html\n"
        "echo 'reports/2026-10/monthly_report.html: warning: changed since it was written; your version is kept "
        "as reports/2026-10/monthly_report.edited.html' >&2\n"
        "echo 'posts: info: 1 draft left out; --drafts includes drafts' >&2\n"
        "echo started >\"$SMPSEO_ROOT/started\"\n"
        "if [[ \"$*\" == *--slow* ]]; then sleep 5 & wait $!; echo replaced >\"$SMPSEO_ROOT/replaced\"; fi\n"
        "exit 0\n")
    fake.chmod(0o755)
    return fake


@needs_bash
def test_warnings_reach_cron_mail_and_the_log_and_each_run_has_its_own_log(tmp_path):
    """What smpseo warns of is on the wrapper's stderr (what cron mails) as well as in the log; its notes are only
    in the log. Two runs in the same second keep a log each (they shared one)."""
    env = cron_env(tmp_path, talking_smpseo(tmp_path))
    warning = ("reports/2026-10/monthly_report.html: warning: changed since it was written; your version is kept as "
               "reports/2026-10/monthly_report.edited.html\n")
    runs = [wrapper(env, "--month", "2026-10"), wrapper(env, "--month", "2026-10")]
    for run in runs:
        assert run.returncode == 0 and run.stderr == warning, run.stderr
    logs = sorted((tmp_path / "site" / "reports" / "logs").glob("monthly-report-*.log"))
    assert len(logs) == 2
    for log in logs:
        lines = log.read_text().splitlines()
        assert lines[1:-1] == ["reports/2026-10/monthly_report.html", warning.strip(),
                               "posts: info: 1 draft left out; --drafts includes drafts"]
        assert lines[0].endswith("--month 2026-10") and lines[-1].endswith(" end: exit status 0")


@needs_bash
@pytest.mark.parametrize("signal_name, status, said", [("SIGTERM", 143, "smpseo: stopped by SIGTERM"),
                                                        ("SIGINT", 130, "smpseo: interrupted")])
def test_stopping_the_wrapper_stops_the_run(tmp_path, signal_name, status, said):
    """SIGTERM (a timeout, a shutdown) or SIGINT to the wrapper reaches smpseo, and the wrapper waits for it to stop:
    before, the wrapper alone ended and the run went on to replace the month's report."""
    import signal
    import time

    env = cron_env(tmp_path, talking_smpseo(tmp_path))
    run = subprocess.Popen(["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in env.items()), str(SCRIPT), "--slow"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    site = tmp_path / "site"
    for _ in range(100):
        if (site / "started").exists():
            break
        time.sleep(0.1)
    run.send_signal(getattr(signal, signal_name))
    _, err = run.communicate(timeout=30)
    assert run.returncode == status
    assert err.splitlines()[1:] == [said, f"monthly report stopped (exit status {status}); the month's report is "
                                          f"left as it was; see {next((site / 'reports' / 'logs').glob('*.log'))}"]
    time.sleep(6)
    assert not (site / "replaced").exists()  # the run stopped with the wrapper
    assert not (site / "reports" / ".monthly-report.lock").exists()


@needs_bash
def test_stopping_the_wrapper_s_whole_process_group_stops_the_run_as_stopped(tmp_path):
    """systemd stops a unit by sending SIGTERM to every process of its group: the wrapper's stderr copier died with
    it, smpseo then failed writing its last line (status 120, "failed"), and the stop was not said."""
    import os
    import signal
    import time

    env = cron_env(tmp_path, talking_smpseo(tmp_path))
    run = subprocess.Popen(["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in env.items()), str(SCRIPT), "--slow"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    site = tmp_path / "site"
    for _ in range(100):
        if (site / "started").exists():
            break
        time.sleep(0.1)
    os.killpg(run.pid, signal.SIGTERM)
    _, err = run.communicate(timeout=30)
    assert run.returncode == 143, err
    assert err.splitlines()[1:] == ["smpseo: stopped by SIGTERM", "monthly report stopped (exit status 143); the "
                                    f"month's report is left as it was; see "
                                    f"{next((site / 'reports' / 'logs').glob('*.log'))}"]
