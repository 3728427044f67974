"""krnum.spark as users launch it: every path gives Parquet equal to krnum.extract's amounts.

Each launch is a new process, started the way a person, cron or spark-submit starts it:
(a) from the activated environment, (b) by the environment's python path with a ``PATH`` whose
``python3`` is another Python, one without krnum (the way job runners start jobs), (c) through
``spark-submit``, and (d) with workers whose Python lacks krnum, krnum shipped as a wheel with
``--py-files`` (what docs/scale-out.md shows for a cluster). The worker-interpreter rule itself
is checked first, without Spark.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from types import SimpleNamespace

import pytest

import krnum
from krnum.spark import _launch

ROOT = Path(__file__).resolve().parents[1]
ENV_BIN = Path(sys.executable).parent
JOB = str(Path(krnum.__file__).parent / "spark" / "__main__.py")
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.driver.memory": "1g",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}
CONF_ARGS = [arg for k, v in LOCAL_CONF.items() for arg in ("--conf", f"{k}={v}")]

# the column function, as a user's own script would call it
COLUMN_SCRIPT = """
import json, sys
from pyspark.sql import SparkSession, functions as F
import krnum.spark as ks

source, output, master, conf = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
builder = SparkSession.builder.appName("krnum column")
if master != "-":
    builder = builder.master(master)
for key, value in conf.items():
    builder = builder.config(key, value)
spark = builder.getOrCreate()
docs = spark.read.parquet(source)
out = docs.select("id", F.explode(ks.amounts("body")).alias("a")).select("id", "a.*")
out.write.parquet(output)
spark.stop()
"""


# ---------------------------------------------------------------- the rule, without Spark


def _sc(master: str, conf: dict[str, str] | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        master=master, pythonExec="python3", getConf=lambda: (conf or {}), _python_includes=[]
    )


def test_local_mode_workers_run_this_interpreter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYSPARK_PYTHON", raising=False)
    for master in ("local", "local[2]", "local[*]", "local-cluster[1,1,1024]"):
        sc = _sc(master)
        assert _launch.worker_python(sc) == sys.executable == sc.pythonExec


def test_an_explicit_setting_always_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYSPARK_PYTHON", "/env/python")
    assert _launch.worker_python(_sc("local[2]")) == "/env/python"
    conf = {"spark.pyspark.python": "/conf/python"}
    assert _launch.worker_python(_sc("local[2]", conf)) == "/conf/python"
    assert _launch.worker_python(_sc("yarn", conf)) == "/conf/python"


def test_a_cluster_keeps_sparks_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYSPARK_PYTHON", raising=False)
    assert _launch.worker_python(_sc("yarn")) == "python3"
    assert _launch.worker_python(_sc("spark://host:7077")) == "python3"


def test_a_python_without_krnum_is_one_line(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-python")
    with pytest.raises(_launch.WorkerPythonError) as err:
        _launch.check(missing)
    line = str(err.value)
    assert "\n" not in line
    assert line.startswith(f"krnum: the Spark workers' Python, {missing}, cannot import krnum: ")
    assert "spark.pyspark.python" in line and sys.executable in line
    assert _launch.error_line(RuntimeError(f"Traceback\n  ...\nImportError: {line}\n")) == line
    _launch.check(sys.executable)  # this one has krnum


# ---------------------------------------------------------------- launches


@pytest.fixture(scope="module")
def spark_ready() -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    pytest.importorskip("pyspark")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Spark needs Java (17): none on PATH or in JAVA_HOME")


@pytest.fixture(scope="module")
def inputs(spark_ready: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from test_arrow import SENTENCES

    path = tmp_path_factory.mktemp("in") / "docs.parquet"
    texts = list(SENTENCES)
    pq.write_table(pa.table({"id": list(range(len(texts))), "body": texts}), path)
    return path


def bare_python_in(folder: Path) -> Path | None:
    """A Python with this environment's packages (pyarrow, pandas, regex) but without krnum.

    A venv whose site-packages names this environment's site-packages in a ``.pth`` line:
    that adds the directory but runs none of its own ``.pth`` files, so an editable krnum
    (a ``.pth`` file itself) is not seen. None where krnum cannot be hidden so.
    """
    env = folder / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    Path(site, "outer.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    if _imports(python, "krnum"):
        return None
    assert _imports(python, "pyarrow") and _imports(python, "regex")
    return python


@pytest.fixture(scope="module")
def bare_python(spark_ready: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    python = bare_python_in(tmp_path_factory.mktemp("bare"))
    if python is None:
        pytest.skip("krnum is installed as plain files here, so no Python can be without it")
    return python


def _imports(python: Path, module: str) -> bool:
    cmd = [python, "-c", f"import {module}"]
    done = subprocess.run(cmd, capture_output=True, cwd="/", check=False)
    return done.returncode == 0


def _path_without_env() -> list[str]:
    return [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and Path(p) != ENV_BIN]


def _base_env() -> dict[str, str]:
    drop = {"PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "PYSPARK_SUBMIT_ARGS", "VIRTUAL_ENV"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def activated() -> dict[str, str]:
    """What ``. env/bin/activate`` gives."""
    env = _base_env()
    env["PATH"] = os.pathsep.join([str(ENV_BIN), *_path_without_env()])
    env["VIRTUAL_ENV"] = str(ENV_BIN.parent)
    return env


def not_activated(bare_python: Path) -> dict[str, str]:
    """A job runner's environment: the first ``python3`` on PATH has no krnum."""
    env = _base_env()
    env["PATH"] = os.pathsep.join([str(bare_python.parent), *_path_without_env()])
    return env


def _run(cmd: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=300,
                          check=False)


def _expected(with_error: bool) -> list[dict]:
    from test_arrow import SENTENCES

    extra = {"error": None} if with_error else {}
    return [
        {"id": i, **a.to_dict(), **extra}
        for i, t in enumerate(SENTENCES)
        for a in krnum.extract(t or "")
    ]


def _assert_output(out: Path, *, job: bool) -> None:
    import pyarrow.parquet as pq

    rows = sorted(pq.read_table(out).to_pylist(), key=lambda r: (r["id"], r["start"]))
    want = _expected(with_error=job)
    assert len(want) > 20
    assert rows == want


def _job_args(inputs: Path, out: Path) -> list[str]:
    return ["extract", str(inputs), str(out), "--text-column", "body", "--id-column", "id"]


def _column(tmp_path: Path, inputs: Path, out: Path, master: str) -> list[str]:
    script = tmp_path / "amounts_column.py"
    script.write_text(COLUMN_SCRIPT, encoding="utf-8")
    conf = json.dumps(LOCAL_CONF if master != "-" else {})
    return [str(script), str(inputs), str(out), master, conf]


def _ok(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr[-3000:]


def test_a_job_from_the_activated_environment(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "amounts"
    cmd = ["python", "-m", "krnum.spark", *_job_args(inputs, out), "--master", "local[2]",
           *CONF_ARGS]
    _ok(_run(cmd, activated(), tmp_path))
    _assert_output(out, job=True)


def test_the_column_function_from_the_activated_environment(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "amounts"
    _ok(_run(["python", *_column(tmp_path, inputs, out, "local[2]")], activated(), tmp_path))
    _assert_output(out, job=False)


def test_a_job_by_the_environments_python_path_not_activated(
    inputs: Path, bare_python: Path, tmp_path: Path
) -> None:
    env = not_activated(bare_python)
    assert shutil.which("python3", path=env["PATH"]) == str(bare_python.parent / "python3")
    out = tmp_path / "amounts"
    cmd = [sys.executable, "-m", "krnum.spark", *_job_args(inputs, out), "--master", "local[2]",
           *CONF_ARGS]
    _ok(_run(cmd, env, tmp_path))
    _assert_output(out, job=True)


def test_the_column_function_by_the_environments_python_path_not_activated(
    inputs: Path, bare_python: Path, tmp_path: Path
) -> None:
    out = tmp_path / "amounts"
    cmd = [sys.executable, *_column(tmp_path, inputs, out, "local[2]")]
    _ok(_run(cmd, not_activated(bare_python), tmp_path))
    _assert_output(out, job=False)


def _spark_submit() -> str:
    submit = ENV_BIN / "spark-submit"
    if not submit.exists():
        pytest.skip("no spark-submit next to this Python")
    return str(submit)


def test_spark_submit_of_the_installed_job(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "amounts"
    cmd = [_spark_submit(), "--master", "local[2]", *CONF_ARGS, JOB, *_job_args(inputs, out)]
    _ok(_run(cmd, activated(), tmp_path))
    _assert_output(out, job=True)


def test_spark_submit_of_a_script_using_the_column_function(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "amounts"
    script = _column(tmp_path, inputs, out, "-")
    cmd = [_spark_submit(), "--master", "local[2]", *CONF_ARGS, *script]
    _ok(_run(cmd, activated(), tmp_path))
    _assert_output(out, job=False)


def test_spark_submit_not_activated_names_the_python_to_use(
    inputs: Path, bare_python: Path, tmp_path: Path
) -> None:
    env = not_activated(bare_python)
    out = tmp_path / "amounts"
    # without a setting spark-submit runs the driver with python3 from PATH: one clear line
    cmd = [_spark_submit(), "--master", "local[2]", *CONF_ARGS, JOB, *_job_args(inputs, out)]
    done = _run(cmd, env, tmp_path)
    assert done.returncode == 1
    said = done.stdout + done.stderr  # spark-submit hands on the driver's stderr as stdout
    assert "Traceback" not in said
    python3 = bare_python.parent / "python3"
    assert f"krnum: the Spark driver's Python, {python3}, cannot import krnum: run spark-submit " \
        "with --conf spark.pyspark.python=" in said
    # with it, as docs/scale-out.md says, the same job works
    python = ["--conf", f"spark.pyspark.python={sys.executable}"]
    cmd = [_spark_submit(), "--master", "local[2]", *python, *CONF_ARGS, JOB,
           *_job_args(inputs, out)]
    _ok(_run(cmd, env, tmp_path))
    _assert_output(out, job=True)


@pytest.fixture(scope="module")
def wheel_zip(spark_ready: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """krnum's wheel, built from this checkout as docs/scale-out.md builds it, named .zip."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "krnum"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info",
                                                                             "__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
         str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot build krnum's wheel here: {done.stderr[-500:]}")
    (wheel,) = (work / "dist").glob("krnum-*.whl")
    return Path(shutil.copy(wheel, work / "krnum.zip"))


def test_workers_without_krnum_get_the_wheel_with_py_files(
    inputs: Path, bare_python: Path, wheel_zip: Path, tmp_path: Path
) -> None:
    out = tmp_path / "amounts"
    pythons = ["--conf", f"spark.pyspark.python={bare_python}",
               "--conf", f"spark.pyspark.driver.python={sys.executable}"]
    cmd = [_spark_submit(), "--master", "local[2]", *pythons, *CONF_ARGS,
           "--py-files", str(wheel_zip), JOB, *_job_args(inputs, out)]
    _ok(_run(cmd, activated(), tmp_path))
    _assert_output(out, job=True)


def test_workers_without_krnum_fail_in_one_clear_line(
    inputs: Path, bare_python: Path, tmp_path: Path
) -> None:
    env = not_activated(bare_python)
    env["PYSPARK_PYTHON"] = str(bare_python)
    cmd = [sys.executable, "-m", "krnum.spark", *_job_args(inputs, tmp_path / "amounts"),
           "--master", "local[2]", *CONF_ARGS]
    done = _run(cmd, env, tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith(f"krnum: the Spark workers' Python, {bare_python}, cannot import krnum:")
    assert "spark.pyspark.python" in line and sys.executable in line
