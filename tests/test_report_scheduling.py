"""The shipped schedules: the cron wrapper runs one report at a time and logs it; systemd and Actions files agree."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scheduling" / "monthly-report.sh"
FIXTURES = Path(__file__).parent / "fixtures"

needs_flock = pytest.mark.skipif(not shutil.which("flock") or not shutil.which("bash"), reason="needs bash, flock")


def env(tmp_path, **extra):
    smpseo = Path(sys.executable).with_name("smpseo")
    return {**os.environ, "SMPSEO": str(smpseo), "SMPSEO_POSTS": str(FIXTURES / "report_posts"),
            "SMPSEO_OUT": str(tmp_path / "reports"), **extra}


@needs_flock
@pytest.mark.slow
def test_wrapper_runs_the_report_and_logs_it(tmp_path):
    run = subprocess.run([str(SCRIPT), "--month", "2026-10"], env=env(tmp_path), capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "reports" / "2026-10" / "monthly_report.html").is_file()
    (log,) = (tmp_path / "reports" / "logs").glob("monthly-report-*.log")
    text = log.read_text()
    assert "start:" in text and "--month 2026-10" in text and "end: exit status 0" in text
    assert "monthly_report.html" in text


@needs_flock
def test_wrapper_does_not_overlap_a_running_report(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    holder = subprocess.Popen(["flock", str(out / ".monthly-report.lock"), "sleep", "30"])
    try:
        for _ in range(50):  # wait until the holder has the lock
            probe = subprocess.run(["flock", "-n", str(out / ".monthly-report.lock"), "true"])
            if probe.returncode != 0:
                break
            subprocess.run(["sleep", "0.1"])
        run = subprocess.run([str(SCRIPT)], env=env(tmp_path), capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode == 75
    assert "still running" in run.stderr
    assert not (out / "2026-10").exists()


def test_wrapper_fails_with_smpseo_status_on_bad_settings(tmp_path):
    if not shutil.which("flock"):
        pytest.skip("needs flock")
    run = subprocess.run([str(SCRIPT), "--month", "2026-13"], env=env(tmp_path), capture_output=True, text=True,
                         timeout=120)
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
